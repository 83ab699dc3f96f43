package vn.teleconsult.media.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.teleconsult.media.MediaSettings;
import vn.teleconsult.media.api.RecordingConsent;
import vn.teleconsult.media.api.RecordingFile;
import vn.teleconsult.media.domain.RecordedFile;
import vn.teleconsult.media.domain.Recording;
import vn.teleconsult.media.domain.Room;
import vn.teleconsult.media.domain.RoomParticipant;
import vn.teleconsult.media.domain.RoomState;
import vn.teleconsult.media.janus.JanusException;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.repository.GrantRepository;
import vn.teleconsult.media.repository.ParticipantRepository;
import vn.teleconsult.media.repository.RecordingRepository;
import vn.teleconsult.media.repository.RoomRepository;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * Records rooms whose participants all consented (Janus VideoRoom recording into the room's directory), and gives
 * participants the files converted from it (see {@link RecordingConverter}).
 */
@ApplicationScoped
public class RecordingService {

    /** Clock skew tolerated on a consent time from the caller. */
    static final Duration SKEW = Duration.ofMinutes(1);

    private final RoomRepository rooms;
    private final ParticipantRepository participants;
    private final RecordingRepository recordings;
    private final GrantRepository grants;
    private final JanusPool pool;
    private final MediaSettings settings;
    private final AuditTrail audit;

    public RecordingService(
            RoomRepository rooms,
            ParticipantRepository participants,
            RecordingRepository recordings,
            GrantRepository grants,
            JanusPool pool,
            MediaSettings settings,
            AuditTrail audit) {
        this.rooms = rooms;
        this.participants = participants;
        this.recordings = recordings;
        this.grants = grants;
        this.pool = pool;
        this.settings = settings;
        this.audit = audit;
    }

    /** A recording file and where it lies, for a download. */
    public record Download(RecordingFile file, Path path) {}

    /** Starts recording the room with the consent of every participant; Janus down means 503 and nothing changed. */
    @Transactional
    public void record(UUID roomId, RecordingConsent consent, String requestedBy) {
        Room room = rooms.locked(roomId).orElseThrow(() -> MediaProblems.noRoom(roomId));
        List<RoomParticipant> named = participants.ofRoom(roomId);
        validate(consent, named);
        if (room.state == RoomState.CLOSED) {
            throw ProblemException.conflict("This video session has ended; it can no longer be recorded.");
        }
        if (recordings.findByIdOptional(roomId).isPresent()) {
            throw ProblemException.conflict("This video session is already being recorded.");
        }
        Recording recording = new Recording();
        recording.roomId = roomId;
        recording.requestedBy = requestedBy;
        recording.startedAt = Instant.now();
        recording.state = Recording.State.RECORDING;
        recording.directory = directory(roomId).toString();
        named.forEach(p -> p.recordingConsentAt = consent.consentedAt());
        recordings.persist(recording);
        recordings.flush();
        try {
            Files.createDirectories(Path.of(recording.directory));
        } catch (IOException e) {
            Log.errorf("Recording directory of room %s cannot be created: %s", roomId, e);
            throw new ProblemException(
                    503,
                    "Recording storage unavailable",
                    "The recording directory cannot be created; nothing was changed.",
                    Map.of("retryAfter", 30));
        }
        if (room.state == RoomState.OPEN) {
            try {
                pool.rooms(room.server).startRecording(room.janusRoom, room.secret, recording.directory);
            } catch (JanusException e) {
                throw MediaProblems.unavailable(e);
            }
        } // a RECOVERING room is re-created with recording on
        audit.record(
                AuditEntry.of(AuditAction.EXECUTE, "media-recording", roomId).detail("consents=" + named.size()));
        Log.infof("Room %s: recording started", roomId);
    }

    /** The converted files of a room, for its participants and systems. */
    @Transactional
    public List<RecordingFile> files(UUID roomId, UUID userId, boolean system) {
        requireAccess(roomId, userId, system);
        audit.record(AuditEntry.of(AuditAction.READ, "media-recording", roomId));
        return recordings.files(roomId).stream().map(RecordingService::view).toList();
    }

    /** One converted file of the room, for its participants and systems; audited. */
    @Transactional
    public Download download(UUID roomId, UUID fileId, UUID userId, boolean system) {
        requireAccess(roomId, userId, system);
        RecordedFile file = recordings.file(fileId);
        Recording recording = recordings.findByIdOptional(roomId).orElse(null);
        if (file == null || recording == null || !file.roomId.equals(roomId)) {
            throw ProblemException.notFound("No recording file " + fileId + " in room " + roomId + ".");
        }
        Path path = Path.of(recording.directory).resolve(file.fileName);
        if (!Files.isRegularFile(path)) {
            throw new ProblemException(
                    410, "Recording file gone", "The file is listed but no longer on the server's disk.");
        }
        audit.record(AuditEntry.of(AuditAction.EXPORT, "media-recording-file", fileId)
                .detail("room=" + roomId));
        return new Download(view(file), path);
    }

    /** A recording whose conversion this replica took on. */
    public record Claim(UUID roomId, Path directory) {}

    /** One track converted into a playable file in the recording's directory. */
    public record Converted(String fileName, long feedId, String kind, String codec, String contentType, long size) {}

    /** Takes on a few recordings to convert: those of closed rooms, and those a dead replica left half done. */
    @Transactional
    public List<Claim> claimConversions() {
        Instant now = Instant.now();
        List<Recording> due =
                recordings.toConvert(now.minus(settings.recording().conversionTimeout()), 4);
        due.forEach(r -> r.conversionStartedAt = now);
        return due.stream().map(r -> new Claim(r.roomId, Path.of(r.directory))).toList();
    }

    /** Attaches the converted files to the room (each with the user whose feed it is); the recording is done. */
    @Transactional
    public void converted(UUID roomId, List<Converted> files, boolean failed) {
        Recording recording = recordings.findById(roomId);
        Set<String> known =
                recordings.files(roomId).stream().map(f -> f.fileName).collect(Collectors.toSet());
        Instant now = Instant.now();
        for (Converted c : files) {
            if (known.contains(c.fileName())) {
                continue; // converted before a crash of the replica
            }
            RecordedFile file = new RecordedFile();
            file.id = UUID.randomUUID();
            file.roomId = roomId;
            file.userId = grants.byFeed(roomId, c.feedId()).map(g -> g.userId).orElse(null);
            file.kind = c.kind();
            file.codec = c.codec();
            file.fileName = c.fileName();
            file.contentType = c.contentType();
            file.sizeBytes = c.size();
            file.createdAt = now;
            recordings.persistFile(file);
        }
        recording.state = failed ? Recording.State.FAILED : Recording.State.READY;
        audit.record(AuditEntry.of(AuditAction.CREATE, "media-recording", roomId)
                .detail("files=" + files.size() + (failed ? " failed" : "")));
    }

    /** Whether the room is recorded, and how far; {@code null} if not. */
    String state(UUID roomId) {
        return recordings.findByIdOptional(roomId).map(r -> r.state.name()).orElse(null);
    }

    /** The directory Janus records into while the room records; {@code null} if it is not recorded. */
    String recordDir(UUID roomId) {
        return recordings
                .findByIdOptional(roomId)
                .filter(r -> r.state == Recording.State.RECORDING)
                .map(r -> r.directory)
                .orElse(null);
    }

    /** The room closed: its recording is converted next. */
    void roomClosed(UUID roomId) {
        recordings
                .findByIdOptional(roomId)
                .filter(r -> r.state == Recording.State.RECORDING)
                .ifPresent(r -> {
                    r.state = Recording.State.CONVERTING;
                    r.finishedAt = Instant.now();
                });
    }

    Path directory(UUID roomId) {
        return Path.of(settings.recording().dir()).toAbsolutePath().normalize().resolve(roomId.toString());
    }

    private void requireAccess(UUID roomId, UUID userId, boolean system) {
        if (rooms.findByIdOptional(roomId).isEmpty()
                || (!system && participants.of(roomId, userId).isEmpty())) {
            throw MediaProblems.noRoom(roomId);
        }
    }

    private static void validate(RecordingConsent consent, List<RoomParticipant> named) {
        if (consent == null || consent.consentedBy() == null || consent.consentedAt() == null) {
            throw ProblemException.badRequest("A JSON body with consentedBy (user ids) and consentedAt is required.");
        }
        if (consent.consentedBy().contains(null)) {
            throw ProblemException.badRequest("Field 'consentedBy' must list user ids.");
        }
        if (consent.consentedAt().isAfter(Instant.now().plus(SKEW))) {
            throw ProblemException.badRequest("Field 'consentedAt' lies in the future.");
        }
        Set<UUID> users = named.stream().map(p -> p.key.userId()).collect(Collectors.toSet());
        Set<UUID> missing = new HashSet<>(users);
        missing.removeAll(consent.consentedBy());
        Set<UUID> strangers = new HashSet<>(consent.consentedBy());
        strangers.removeAll(users);
        if (!strangers.isEmpty()) {
            throw ProblemException.badRequest("Not participants of this session: " + strangers + ".");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest(
                    "Everyone who may join is recorded, so every participant must consent; missing: " + missing + ".");
        }
    }

    static RecordingFile view(RecordedFile f) {
        return new RecordingFile(
                f.id, f.roomId, f.userId, f.kind, f.codec, f.fileName, f.contentType, f.sizeBytes, f.createdAt);
    }
}
