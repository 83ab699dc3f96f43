package vn.teleconsult.media.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import vn.teleconsult.media.MediaSettings;
import vn.teleconsult.media.api.OpenRoom;
import vn.teleconsult.media.api.RecordingFile;
import vn.teleconsult.media.api.RoomView;
import vn.teleconsult.media.api.VideoRooms;
import vn.teleconsult.media.domain.JoinGrant;
import vn.teleconsult.media.domain.Room;
import vn.teleconsult.media.domain.RoomKind;
import vn.teleconsult.media.domain.RoomParticipant;
import vn.teleconsult.media.domain.RoomState;
import vn.teleconsult.media.janus.JanusClient;
import vn.teleconsult.media.janus.JanusException;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.janus.VideoRoomAdmin.RoomSpec;
import vn.teleconsult.media.repository.AttendanceRepository;
import vn.teleconsult.media.repository.GrantRepository;
import vn.teleconsult.media.repository.ParticipantRepository;
import vn.teleconsult.media.repository.RoomRepository;
import vn.teleconsult.media.service.MediaPolicy.Act;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Opens and closes rooms in Janus for consult sessions and visits, and keeps who may join them. */
@ApplicationScoped
public class RoomService implements VideoRooms {

    static final int MAX_PARTICIPANTS = 32;

    private final RoomRepository rooms;
    private final ParticipantRepository participants;
    private final GrantRepository grants;
    private final AttendanceRepository attendance;
    private final JanusPool pool;
    private final MediaSettings settings;
    private final AuditTrail audit;
    private final Event<ParticipantNotice> notices;
    private final RecordingService recordings;
    private final MediaPolicy policy;

    public RoomService(
            RoomRepository rooms,
            ParticipantRepository participants,
            GrantRepository grants,
            AttendanceRepository attendance,
            JanusPool pool,
            MediaSettings settings,
            AuditTrail audit,
            Event<ParticipantNotice> notices,
            RecordingService recordings,
            MediaPolicy policy) {
        this.policy = policy;
        this.rooms = rooms;
        this.participants = participants;
        this.grants = grants;
        this.attendance = attendance;
        this.recordings = recordings;
        this.pool = pool;
        this.settings = settings;
        this.audit = audit;
        this.notices = notices;
    }

    @Override
    @Transactional
    public RoomView open(OpenRoom request) {
        RoomKind kind = validate(request);
        String server = pool.pick(rooms.participantsByServer()).orElseThrow(MediaProblems::noServer);
        Room room = new Room();
        room.id = UUID.randomUUID();
        room.kind = kind;
        room.referenceId = request.referenceId();
        room.waitingRoom = request.waitingRoom();
        room.hostUserId = request.hostUserId();
        room.state = RoomState.OPEN;
        room.server = server;
        room.janusRoom = newJanusRoom();
        room.secret = JanusPool.newToken();
        room.bitrate = settings.bitrate();
        room.maxPublishers = settings.maxPublishers();
        room.openedAt = Instant.now();
        // Janus creates the room while the database stores it: one wait instead of two; undone if the database refuses
        CompletableFuture<JsonNode> created;
        try {
            created = pool.rooms(server).createAsync(spec(room, null));
        } catch (JanusException e) {
            throw MediaProblems.unavailable(e);
        }
        rooms.persist(room);
        try {
            rooms.flush();
            rooms.addHospitals(room.id, request.hospitals());
            for (UUID user : request.participants()) {
                RoomParticipant participant = new RoomParticipant();
                participant.key = new RoomParticipant.Key(room.id, user);
                participants.persist(participant);
            }
            rooms.flush();
        } catch (PersistenceException e) {
            destroyQuietly(room, created);
            if (violates(e, "room_live_reference")) {
                throw ProblemException.conflict(
                        "A room for " + kind + " " + request.referenceId() + " is already open.");
            }
            throw e;
        }
        try {
            JanusClient.join(created);
        } catch (JanusException e) {
            throw MediaProblems.unavailable(e); // Janus made no room; the transaction rolls back
        }
        audit.record(AuditEntry.of(AuditAction.CREATE, "media-room", room.id)
                .detail("reference=" + kind + ":" + room.referenceId + " server=" + server));
        Log.infof("Room %s opened on Janus %s", room.id, server);
        return view(room, request.participants(), null);
    }

    /** Creates the room's Janus room on its server; a Janus failure becomes a 503 and rolls the transaction back. */
    void createInJanus(Room room) {
        try {
            pool.rooms(room.server).create(spec(room, recordings.recordDir(room.id)));
        } catch (JanusException e) {
            throw MediaProblems.unavailable(e);
        }
    }

    private static RoomSpec spec(Room room, String recordDir) {
        return new RoomSpec(
                room.janusRoom,
                room.kind.name().toLowerCase() + " " + room.id,
                room.secret,
                room.maxPublishers,
                room.bitrate,
                List.of(),
                recordDir);
    }

    /** Takes back a Janus room the database refused. */
    private void destroyQuietly(Room room, CompletableFuture<JsonNode> created) {
        try {
            JanusClient.join(created);
            pool.rooms(room.server).destroy(room.janusRoom, room.secret);
        } catch (JanusException e) {
            Log.debugf("Room %s: nothing to undo in Janus (%s)", room.id, e.getMessage());
        }
    }

    @Override
    @Transactional
    public RoomView close(UUID roomId) {
        return close(rooms.locked(roomId).orElseThrow(() -> MediaProblems.noRoom(roomId)));
    }

    /** Closes the room for a caller of the REST API: an operator of the room (see {@link MediaPolicy}). */
    @Transactional
    public RoomView close(Actor actor, UUID roomId) {
        return close(policy.require(actor, roomId, Act.CLOSE, true));
    }

    private RoomView close(Room room) {
        if (room.state == RoomState.CLOSED) {
            return view(room);
        }
        Instant now = Instant.now();
        if (room.state == RoomState.OPEN) {
            try {
                pool.rooms(room.server).destroy(room.janusRoom, room.secret);
            } catch (JanusException e) {
                // a server that died or restarted has no room left to destroy
                Log.warnf("Room %s: Janus destroy failed (%s)", room.id, e.getMessage());
            }
        }
        for (JoinGrant grant : grants.unreleased(room.id)) {
            release(room, grant, now);
        }
        attendance.allPresent(room.id).forEach(a -> a.leftAt = now);
        room.state = RoomState.CLOSED;
        room.closedAt = now;
        recordings.roomClosed(room.id);
        audit.record(AuditEntry.of(AuditAction.DELETE, "media-room", room.id)
                .detail("reference=" + room.kind + ":" + room.referenceId));
        notices.fire(new ParticipantNotice("closed", room.id, participantIds(room.id)));
        Log.infof("Room %s closed", room.id);
        return view(room);
    }

    @Override
    @Transactional
    public RoomView requestRecording(UUID roomId, String requestedBy) {
        Room room = rooms.locked(roomId).orElseThrow(() -> MediaProblems.noRoom(roomId));
        recordings.request(room, requestedBy);
        return view(room);
    }

    /** Asks for a recording through the REST API: the room's host or an operator (see {@link MediaPolicy}). */
    @Transactional
    public RoomView requestRecording(Actor actor, UUID roomId) {
        Room room = policy.require(actor, roomId, Act.REQUEST_RECORDING, true);
        recordings.request(room, actor.id());
        return view(room);
    }

    /** The calling participant consents to the requested recording; the last consent starts it. */
    @Transactional
    public RoomView consent(Actor actor, UUID roomId) {
        Room room = policy.require(actor, roomId, Act.CONSENT, true);
        recordings.consent(room, actor.userId());
        return view(room);
    }

    @Override
    public List<RecordingFile> recordings(UUID roomId) {
        return recordings.files(roomId);
    }

    /** Takes a grant's token out of Janus (core tokens and, while unredeemed, the room's allowed list). */
    void release(Room room, JoinGrant grant, Instant now) {
        grant.releasedAt = now;
        if (!pool.healthy(room.server) || grant.epoch != room.epoch) {
            return; // tokens of a dead or restarted server, or of an earlier epoch, are gone already
        }
        try {
            if (grant.redeemedAt == null && room.state == RoomState.OPEN) {
                pool.rooms(room.server).disallow(room.janusRoom, room.secret, List.of(grant.token));
            }
            pool.client(room.server).removeToken(grant.token);
        } catch (JanusException e) {
            Log.warnf("Room %s: could not revoke a grant in Janus (%s)", room.id, e.getMessage());
        }
    }

    /** The room, for its participants and operators (see {@link MediaPolicy}); audited. */
    @Transactional
    public RoomView get(Actor actor, UUID roomId) {
        return view(policy.require(actor, roomId, Act.READ_ROOM, false));
    }

    /** Who was in the room, from when to when; for its participants and operators; audited. */
    @Transactional
    public List<AttendanceView> attendance(Actor actor, UUID roomId) {
        policy.require(actor, roomId, Act.READ_ATTENDANCE, false);
        return attendance.ofRoom(roomId).stream()
                .map(a -> new AttendanceView(
                        a.userId,
                        a.joinedAt,
                        a.leftAt,
                        a.published,
                        a.mediaState,
                        a.webrtcUpAt,
                        a.audio,
                        a.video,
                        a.slowLinks,
                        a.hangupReason))
                .toList();
    }

    Set<UUID> participantIds(UUID roomId) {
        return participants.ofRoom(roomId).stream().map(p -> p.key.userId()).collect(Collectors.toSet());
    }

    RoomView view(Room room) {
        return view(room, participantIds(room.id), recordings.state(room.id));
    }

    private static RoomView view(Room room, Set<UUID> participants, String recording) {
        List<UUID> users =
                participants.stream().sorted(Comparator.naturalOrder()).toList();
        return new RoomView(
                room.id,
                room.kind.name(),
                room.referenceId,
                room.state.name(),
                room.waitingRoom,
                room.hostUserId,
                users,
                room.bitrate,
                room.maxPublishers,
                room.openedAt,
                room.closedAt,
                recording);
    }

    private static RoomKind validate(OpenRoom request) {
        if (request == null) {
            throw ProblemException.badRequest(
                    "A room request with kind, referenceId, participants and hospitals is needed.");
        }
        RoomKind kind;
        try {
            kind = RoomKind.valueOf(String.valueOf(request.kind()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Field 'kind' must be CONSULT or VISIT.");
        }
        if (request.referenceId() == null) {
            throw ProblemException.badRequest("Field 'referenceId' is required.");
        }
        Set<UUID> users = request.participants();
        // contains(null) would throw on the immutable sets Java callers pass
        if (users == null || users.isEmpty() || users.stream().anyMatch(java.util.Objects::isNull)) {
            throw ProblemException.badRequest("Field 'participants' must list at least one user id.");
        }
        if (users.size() > MAX_PARTICIPANTS) {
            throw ProblemException.badRequest("A room takes at most " + MAX_PARTICIPANTS + " participants.");
        }
        Set<UUID> hospitals = request.hospitals();
        if (hospitals == null || hospitals.isEmpty() || hospitals.stream().anyMatch(java.util.Objects::isNull)) {
            throw ProblemException.badRequest("Field 'hospitals' must name the hospitals of the reference.");
        }
        if (request.hostUserId() != null && !users.contains(request.hostUserId())) {
            throw ProblemException.badRequest("Field 'hostUserId' must be one of the participants.");
        }
        if (request.waitingRoom() && request.hostUserId() == null) {
            throw ProblemException.badRequest("A waiting room needs 'hostUserId', the doctor who admits patients.");
        }
        return kind;
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** A Janus room number that JavaScript (janus.js) represents exactly. */
    static long newJanusRoom() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 53);
    }

    static long newFeedId() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 53);
    }
}
