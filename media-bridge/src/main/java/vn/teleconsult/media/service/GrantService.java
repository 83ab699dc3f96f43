package vn.teleconsult.media.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import vn.teleconsult.media.MediaSettings;
import vn.teleconsult.media.domain.JoinGrant;
import vn.teleconsult.media.domain.Room;
import vn.teleconsult.media.domain.RoomParticipant;
import vn.teleconsult.media.domain.RoomState;
import vn.teleconsult.media.janus.JanusClient;
import vn.teleconsult.media.janus.JanusException;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.janus.VideoRoomAdmin;
import vn.teleconsult.media.repository.GrantRepository;
import vn.teleconsult.media.repository.ParticipantRepository;
import vn.teleconsult.media.service.MediaPolicy.Act;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Hands participants single-use join grants that Janus enforces, and runs the waiting room of video visits. */
@ApplicationScoped
public class GrantService {

    private final ParticipantRepository participants;
    private final GrantRepository grants;
    private final JanusPool pool;
    private final TurnCredentials turn;
    private final MediaSettings settings;
    private final AuditTrail audit;
    private final Event<ParticipantNotice> notices;
    private final MediaPolicy policy;

    public GrantService(
            ParticipantRepository participants,
            GrantRepository grants,
            JanusPool pool,
            TurnCredentials turn,
            MediaSettings settings,
            AuditTrail audit,
            Event<ParticipantNotice> notices,
            MediaPolicy policy) {
        this.policy = policy;
        this.participants = participants;
        this.grants = grants;
        this.pool = pool;
        this.turn = turn;
        this.settings = settings;
        this.audit = audit;
        this.notices = notices;
    }

    /**
     * A grant for the calling participant to join the room now; patients in a waiting room first need the host to
     * admit them.
     */
    @Transactional
    public JoinGrantView grant(Actor actor, UUID roomId) {
        Room room = policy.require(actor, roomId, Act.JOIN, false);
        UUID userId = actor.userId();
        RoomParticipant participant = participants.of(roomId, userId).orElseThrow(() -> MediaProblems.noRoom(roomId));
        if (room.state == RoomState.CLOSED) {
            throw ProblemException.conflict("This video session has ended.");
        }
        if (room.state == RoomState.RECOVERING) {
            throw new ProblemException(
                    503,
                    "Video server switching",
                    "The session is moving to another video server; ask again in a few seconds.",
                    Map.of("retryAfter", 2));
        }
        if (room.waitingRoom && !room.isHost(userId) && participant.admittedAt == null) {
            throw new ProblemException(
                    409,
                    "Waiting for the doctor",
                    "Enter the waiting room and wait until the doctor admits you.",
                    Map.of("waiting", true));
        }
        JoinGrant grant = new JoinGrant();
        grant.id = UUID.randomUUID();
        grant.roomId = roomId;
        grant.userId = userId;
        grant.epoch = room.epoch;
        grant.token = JanusPool.newToken();
        grant.feedId = RoomService.newFeedId();
        grant.issuedAt = Instant.now();
        grant.expiresAt = grant.issuedAt.plus(settings.grantLifetime());
        // the two Janus requests (core token store, room's allowed list) and the database write overlap: one wait
        CompletableFuture<JsonNode> token;
        CompletableFuture<JsonNode> allowed;
        try {
            token = pool.client(room.server).addTokenAsync(grant.token, List.of(VideoRoomAdmin.PLUGIN));
            allowed = pool.rooms(room.server).allowAsync(room.janusRoom, room.secret, List.of(grant.token));
        } catch (JanusException e) {
            throw MediaProblems.unavailable(e);
        }
        try {
            grants.persist(grant);
            grants.flush();
        } finally {
            try {
                JanusClient.join(token);
                JanusClient.join(allowed);
            } catch (JanusException e) {
                throw MediaProblems.unavailable(e); // rolled back; a token without a grant is known to nobody
            }
        }
        audit.record(AuditEntry.of(AuditAction.EXECUTE, "media-room", roomId).detail("join-grant"));
        return new JoinGrantView(
                roomId,
                pool.browserUrl(room.server),
                room.janusRoom,
                grant.token,
                grant.feedId,
                userId.toString(),
                grant.expiresAt,
                turn.iceServers(userId.toString()));
    }

    /** The calling patient enters the waiting room of a visit; entering twice changes nothing. */
    @Transactional
    public boolean enterLobby(Actor actor, UUID roomId) {
        Room room = policy.require(actor, roomId, Act.ENTER_LOBBY, false);
        UUID userId = actor.userId();
        RoomParticipant participant = participants.of(roomId, userId).orElseThrow(() -> MediaProblems.noRoom(roomId));
        if (!room.waitingRoom || room.isHost(userId)) {
            throw ProblemException.conflict("This session has no waiting room for you; ask for a join grant.");
        }
        if (room.state == RoomState.CLOSED) {
            throw ProblemException.conflict("This video session has ended.");
        }
        if (participant.waitingSince == null) {
            participant.waitingSince = Instant.now();
        }
        return participant.admittedAt != null;
    }

    /** Who waits, first come first; only the host sees it. */
    @Transactional
    public List<LobbyView> lobby(Actor actor, UUID roomId) {
        Room room = hostedRoom(actor, roomId);
        return participants.waiting(room.id).stream()
                .map(p -> new LobbyView(p.key.userId(), p.waitingSince))
                .toList();
    }

    /** The host admits one waiting patient, who is told over the WebSocket. */
    @Transactional
    public void admit(Actor actor, UUID roomId, UUID patientId) {
        Room room = hostedRoom(actor, roomId);
        RoomParticipant patient = participants
                .of(room.id, patientId)
                .filter(p -> p.waitingSince != null)
                .orElseThrow(() -> ProblemException.notFound("User " + patientId + " is not in the waiting room."));
        if (patient.admittedAt == null) {
            patient.admittedAt = Instant.now();
            notices.fire(new ParticipantNotice("admitted", room.id, Set.of(patientId)));
        }
    }

    private Room hostedRoom(Actor actor, UUID roomId) {
        Room room = policy.require(actor, roomId, Act.HOST_LOBBY, false);
        if (!room.waitingRoom) {
            throw ProblemException.conflict("This session has no waiting room.");
        }
        return room;
    }
}
