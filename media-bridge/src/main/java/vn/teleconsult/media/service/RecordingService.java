package vn.teleconsult.media.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.teleconsult.media.MediaSettings;
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
import vn.teleconsult.media.service.MediaPolicy.Act;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/**
 * Records rooms once each participant consented for themself (Janus VideoRoom recording into the room's directory),
 * and gives participants the files converted from it (see {@link RecordingConverter}).
 */
@ApplicationScoped
public class RecordingService {

    private final ParticipantRepository participants;
    private final RecordingRepository recordings;
    private final GrantRepository grants;
    private final JanusPool pool;
    private final MediaSettings settings;
    private final AuditTrail audit;
    private final MediaPolicy policy;
    private final Event<ParticipantNotice> notices;

    public RecordingService(
            ParticipantRepository participants,
            RecordingRepository recordings,
            GrantRepository grants,
            JanusPool pool,
            MediaSettings settings,
            AuditTrail audit,
            MediaPolicy policy,
            Event<ParticipantNotice> notices) {
        this.policy = policy;
        this.notices = notices;
        this.participants = participants;
        this.recordings = recordings;
        this.grants = grants;
        this.pool = pool;
        this.settings = settings;
        this.audit = audit;
    }

    /** A recording file and where it lies, for a download. */
    public record Download(RecordingFile file, Path path) {}

    /**
     * Asks the room's participants to consent to a recording: each is told over the media WebSocket and confirms for
     * themself ({@link #consent}); nothing is recorded before the last of them has. The room is locked by the caller.
     */
    void request(Room room, String requestedBy) {
        if (room.state == RoomState.CLOSED) {
            throw ProblemException.conflict("This video session has ended; it can no longer be recorded.");
        }
        if (recordings.findByIdOptional(room.id).isPresent()) {
            throw ProblemException.conflict("A recording of this video session has already been asked for.");
        }
        List<RoomParticipant> named = participants.ofRoom(room.id);
        named.forEach(p -> p.recordingConsentAt = null);
        Recording recording = new Recording();
        recording.roomId = room.id;
        recording.requestedBy = requestedBy;
        recording.requestedAt = Instant.now();
        recording.state = Recording.State.REQUESTED;
        recording.directory = directory(room.id).toString();
        recordings.persist(recording);
        recordings.flush();
        audit.record(AuditEntry.of(AuditAction.EXECUTE, "media-recording", room.id)
                .detail("requested participants=" + named.size()));
        notices.fire(new ParticipantNotice("recording-requested", room.id, ids(named)));
        Log.infof("Room %s: recording requested, waiting for %d consents", room.id, named.size());
    }

    /**
     * The participant consents, for themself, to the requested recording; consenting twice changes nothing. The last
     * consent starts Janus recording (Janus down: 503 and the consent is not kept). The room is locked by the caller.
     */
    void consent(Room room, UUID userId) {
        Recording recording = recordings
                .findByIdOptional(room.id)
                .orElseThrow(() -> ProblemException.conflict("Nobody has asked to record this video session."));
        if (room.state == RoomState.CLOSED) {
            throw ProblemException.conflict("This video session has ended; it can no longer be recorded.");
        }
        if (recording.state != Recording.State.REQUESTED && recording.state != Recording.State.RECORDING) {
            throw ProblemException.conflict("This video session's recording is " + recording.state + ".");
        }
        List<RoomParticipant> named = participants.ofRoom(room.id);
        RoomParticipant me = named.stream()
                .filter(p -> p.key.userId().equals(userId))
                .findFirst()
                .orElseThrow(() -> MediaProblems.noRoom(room.id));
        if (me.recordingConsentAt != null) {
            return;
        }
        me.recordingConsentAt = Instant.now();
        if (recording.state == Recording.State.REQUESTED
                && named.stream().allMatch(p -> p.recordingConsentAt != null)) {
            start(room, recording, named);
        }
        audit.record(
                AuditEntry.of(AuditAction.UPDATE, "media-recording", room.id).detail("consent"));
    }

    /** Every participant consented: Janus records into the room's directory from now on. */
    private void start(Room room, Recording recording, List<RoomParticipant> named) {
        recording.state = Recording.State.RECORDING;
        recording.startedAt = Instant.now();
        recordings.flush();
        try {
            Files.createDirectories(Path.of(recording.directory));
        } catch (IOException e) {
            Log.errorf("Recording directory of room %s cannot be created: %s", room.id, e);
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
        audit.record(AuditEntry.of(AuditAction.EXECUTE, "media-recording", room.id)
                .detail("started consents=" + named.size()));
        notices.fire(new ParticipantNotice("recording-started", room.id, ids(named)));
        Log.infof("Room %s: recording started", room.id);
    }

    private static Set<UUID> ids(List<RoomParticipant> named) {
        return named.stream().map(p -> p.key.userId()).collect(Collectors.toSet());
    }

    /** The converted files of a room, for the workflow that owns it. */
    @Transactional
    public List<RecordingFile> files(UUID roomId) {
        return recordings.files(roomId).stream().map(RecordingService::view).toList();
    }

    /** The converted files of a room, for its participants and operators (see {@link MediaPolicy}); audited. */
    @Transactional
    public List<RecordingFile> files(Actor actor, UUID roomId) {
        policy.require(actor, roomId, Act.READ_RECORDINGS, false);
        return files(roomId);
    }

    /** One converted file of the room, for its participants and operators; audited as an export. */
    @Transactional
    public Download download(Actor actor, UUID roomId, UUID fileId) {
        policy.require(actor, roomId, Act.DOWNLOAD, false);
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

    /** The room closed: its recording is converted next; a request not everyone consented to is cancelled. */
    void roomClosed(UUID roomId) {
        recordings.findByIdOptional(roomId).ifPresent(r -> {
            if (r.state == Recording.State.RECORDING) {
                r.state = Recording.State.CONVERTING;
                r.finishedAt = Instant.now();
            } else if (r.state == Recording.State.REQUESTED) {
                r.state = Recording.State.CANCELLED;
                r.finishedAt = Instant.now();
            }
        });
    }

    Path directory(UUID roomId) {
        return Path.of(settings.recording().dir()).toAbsolutePath().normalize().resolve(roomId.toString());
    }

    static RecordingFile view(RecordedFile f) {
        return new RecordingFile(
                f.id, f.roomId, f.userId, f.kind, f.codec, f.fileName, f.contentType, f.sizeBytes, f.createdAt);
    }
}
