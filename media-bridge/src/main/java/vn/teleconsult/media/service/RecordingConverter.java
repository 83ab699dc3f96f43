package vn.teleconsult.media.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.teleconsult.media.MediaSettings;

/**
 * Converts the {@code .mjr} files Janus recorded for a closed room into playable files with {@code janus-pp-rec}
 * (VP8/VP9/AV1 video into WebM, Opus audio into Ogg Opus, H.264 into Matroska) and attaches them to the room.
 */
@ApplicationScoped
public class RecordingConverter {

    /** VideoRoom's file names: {@code videoroom-<room>-user-<feed>-<timestamp>-<audio|video|data>-<mindex>.mjr}. */
    static final Pattern TRACK = Pattern.compile("videoroom-\\d+-user-(\\d+)-\\d+-(audio|video|data)(?:-\\d+)?\\.mjr");

    /** Codec (as janus-pp-rec reports it) to file extension and content type. */
    static final Map<String, String[]> FORMATS = Map.of(
            "vp8", new String[] {"webm", "video/webm"},
            "vp9", new String[] {"webm", "video/webm"},
            "av1", new String[] {"webm", "video/webm"},
            "h264", new String[] {"mkv", "video/x-matroska"},
            "opus", new String[] {"opus", "audio/ogg"},
            "pcmu", new String[] {"wav", "audio/wav"},
            "pcma", new String[] {"wav", "audio/wav"});

    private final RecordingService recordings;
    private final MediaSettings settings;
    private final ObjectMapper json;

    public RecordingConverter(RecordingService recordings, MediaSettings settings, ObjectMapper json) {
        this.recordings = recordings;
        this.settings = settings;
        this.json = json;
    }

    @Scheduled(
            every = "${media.recording.check-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        for (RecordingService.Claim claim : recordings.claimConversions()) {
            convert(claim);
        }
    }

    /** Converts every recorded track of one room; the recording fails only if tracks exist and none converted. */
    void convert(RecordingService.Claim claim) {
        List<Path> sources;
        try (Stream<Path> files = Files.list(claim.directory())) {
            sources = files.filter(
                            p -> TRACK.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            sources = List.of(); // nobody published: Janus wrote nothing
        }
        List<RecordingService.Converted> converted = new ArrayList<>();
        int tracks = 0;
        for (Path source : sources) {
            Matcher name = TRACK.matcher(source.getFileName().toString());
            if (!name.matches() || name.group(2).equals("data")) {
                continue;
            }
            tracks++;
            try {
                converted.add(convert(source, Long.parseLong(name.group(1)), name.group(2)));
            } catch (IOException | RuntimeException e) {
                Log.warnf("Room %s: track %s not converted: %s", claim.roomId(), source.getFileName(), e.getMessage());
            }
        }
        boolean failed = tracks > 0 && converted.isEmpty();
        recordings.converted(claim.roomId(), converted, failed);
        Log.infof("Room %s: recording converted, %d of %d tracks", claim.roomId(), converted.size(), tracks);
    }

    private RecordingService.Converted convert(Path source, long feed, String kind) throws IOException {
        String codec = header(source).path("c").asText("");
        String[] format = FORMATS.get(codec);
        if (format == null) {
            throw new IOException("codec '" + codec + "' has no playable format here");
        }
        String base = source.getFileName().toString().replaceFirst("\\.mjr$", "");
        Path target = source.resolveSibling(base + "." + format[0]);
        run(List.of(settings.recording().converter(), source.toString(), target.toString()));
        long size = Files.isRegularFile(target) ? Files.size(target) : 0;
        if (size == 0) {
            Files.deleteIfExists(target);
            throw new IOException("janus-pp-rec wrote nothing (no media in the track?)");
        }
        return new RecordingService.Converted(target.getFileName().toString(), feed, kind, codec, format[1], size);
    }

    /** The {@code .mjr} header as janus-pp-rec prints it ({@code --json}): {@code t} type, {@code c} codec. */
    private JsonNode header(Path source) throws IOException {
        String output = run(List.of(settings.recording().converter(), "--json", source.toString()));
        int start = output.indexOf('{');
        if (start < 0) {
            throw new IOException("no JSON header from janus-pp-rec");
        }
        return json.readTree(output.substring(start));
    }

    private String run(List<String> command) throws IOException {
        Path output = Files.createTempFile("janus-pp-rec", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        Duration limit = settings.recording().conversionTimeout();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("janus-pp-rec took longer than " + limit);
            }
            String text = Files.readString(output, StandardCharsets.ISO_8859_1);
            if (process.exitValue() != 0) {
                String tail = text.length() > 300 ? text.substring(text.length() - 300) : text;
                throw new IOException("janus-pp-rec exited with " + process.exitValue() + ": " + tail.strip());
            }
            return text;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
