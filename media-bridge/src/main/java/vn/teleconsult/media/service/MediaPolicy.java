package vn.teleconsult.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.teleconsult.media.domain.Room;
import vn.teleconsult.media.repository.ParticipantRepository;
import vn.teleconsult.media.repository.RoomRepository;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/**
 * Who may do what with a video room: media-bridge's tenant rules, in this one place.
 *
 * <ul>
 *   <li>An <b>operator</b> of a room is a coordinator or a system client of one of the hospitals the room belongs to
 *       (its consult's requesting satellite and hub, its visit's hospital). Operators see, close and record rooms.
 *   <li>A <b>participant</b> is a user the owning workflow named. Participants see the room, join it, consent to its
 *       recording for themselves, use its waiting room; the host also asks for a recording and admits patients.
 *   <li>Anyone else gets 404, exactly like a room that does not exist, so that a room's existence does not leak.
 *       Someone who may see the room but not do this with it gets 403.
 * </ul>
 *
 * Every refusal is audited as DENIED, every read as READ, naming the room and, when known, its reference; never a
 * patient. Callers hold a transaction.
 */
@ApplicationScoped
public class MediaPolicy {

    /** Who may do an act: the room's participants, its operators, its host. */
    enum Who {
        PARTICIPANT,
        OPERATOR,
        HOST
    }

    /** What the caller wants to do with a room: who may, and how it is audited. */
    public enum Act {
        READ_ROOM(AuditAction.READ, "media-room", true, Who.PARTICIPANT, Who.OPERATOR),
        READ_ATTENDANCE(AuditAction.READ, "media-attendance", true, Who.PARTICIPANT, Who.OPERATOR),
        READ_RECORDINGS(AuditAction.READ, "media-recording", true, Who.PARTICIPANT, Who.OPERATOR),
        DOWNLOAD(AuditAction.EXPORT, "media-recording-file", false, Who.PARTICIPANT, Who.OPERATOR),
        CLOSE(AuditAction.DELETE, "media-room", false, Who.OPERATOR),
        REQUEST_RECORDING(AuditAction.EXECUTE, "media-recording", false, Who.OPERATOR, Who.HOST),
        CONSENT(AuditAction.UPDATE, "media-recording", false, Who.PARTICIPANT),
        JOIN(AuditAction.EXECUTE, "media-room", false, Who.PARTICIPANT),
        ENTER_LOBBY(AuditAction.EXECUTE, "media-lobby", false, Who.PARTICIPANT),
        HOST_LOBBY(AuditAction.UPDATE, "media-lobby", false, Who.HOST);

        final AuditAction action;
        final String resourceType;
        /** Audit the allowed act as a read here (the service audits other acts with what they changed). */
        final boolean auditRead;

        final Set<Who> who;

        Act(AuditAction action, String resourceType, boolean auditRead, Who... who) {
            this.action = action;
            this.resourceType = resourceType;
            this.auditRead = auditRead;
            this.who = Set.of(who);
        }
    }

    private final RoomRepository rooms;
    private final ParticipantRepository participants;
    private final AuditTrail audit;

    public MediaPolicy(RoomRepository rooms, ParticipantRepository participants, AuditTrail audit) {
        this.rooms = rooms;
        this.participants = participants;
        this.audit = audit;
    }

    /**
     * The room, if the actor may do this with it (locked until the transaction ends when {@code lock}); otherwise a
     * 404 (no relation to the room) or 403 (sees it, may not do this), audited as denied. Reads are audited here.
     */
    public Room require(Actor actor, UUID roomId, Act act, boolean lock) {
        Optional<Room> found = lock ? rooms.locked(roomId) : rooms.findByIdOptional(roomId);
        Room room = found.orElse(null);
        boolean participant = room != null && isParticipant(actor, room);
        boolean operator = room != null && isOperator(actor, room);
        if (!participant && !operator) {
            throw denied(act, roomId, room, MediaProblems.noRoom(roomId));
        }
        boolean host = participant && room.isHost(actor.userId());
        boolean allowed = (act.who.contains(Who.PARTICIPANT) && participant)
                || (act.who.contains(Who.OPERATOR) && operator)
                || (act.who.contains(Who.HOST) && host);
        if (!allowed) {
            throw denied(act, roomId, room, ProblemException.forbidden(refusal(act)));
        }
        if (act.auditRead) {
            audit.record(AuditEntry.of(act.action, act.resourceType, roomId).detail(reference(room)));
        }
        return room;
    }

    /** The user id a media WebSocket listens for; system clients and tokens of no user get no participant notices. */
    public Optional<String> listener(JsonWebToken token) {
        String subject = token.getSubject();
        if (subject == null || token.getGroups().contains(Role.SYSTEM.name())) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(subject).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Media servers serve every hospital: only a network administrator sees them. */
    public void requireNetworkAdmin(Actor actor) {
        if (!actor.isNetworkAdmin()) {
            audit.record(AuditEntry.of(AuditAction.READ, "media-server", null)
                    .outcome(AuditOutcome.DENIED)
                    .detail("not a network administrator"));
            throw ProblemException.forbidden("Media servers serve the whole network: ask the network administrator.");
        }
    }

    private boolean isParticipant(Actor actor, Room room) {
        UUID user = person(actor);
        return user != null && participants.of(room.id, user).isPresent();
    }

    private boolean isOperator(Actor actor, Room room) {
        return (actor.has(Role.COORDINATOR) || actor.has(Role.SYSTEM))
                && actor.hospitalId() != null
                && rooms.belongsTo(room.id, actor.hospitalId());
    }

    /** The caller's user id; system clients (and tokens of no user) have none. */
    private static UUID person(Actor actor) {
        if (actor.has(Role.SYSTEM)) {
            return null;
        }
        try {
            return actor.userId();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ProblemException denied(Act act, UUID roomId, Room room, ProblemException answer) {
        String detail = "denied " + act.name().toLowerCase().replace('_', ' ');
        if (room != null) {
            detail += " " + reference(room);
        }
        audit.record(AuditEntry.of(act.action, act.resourceType, roomId)
                .outcome(AuditOutcome.DENIED)
                .detail(detail));
        return answer;
    }

    private static String reference(Room room) {
        return "reference=" + room.kind + ":" + room.referenceId;
    }

    private static String refusal(Act act) {
        return switch (act) {
            case CLOSE -> "Only the session's workflow or a coordinator of its hospitals closes it.";
            case REQUEST_RECORDING -> "Only the host or a coordinator of the session's hospitals asks for a recording.";
            case HOST_LOBBY -> "Only the doctor who hosts this visit manages its waiting room.";
            default -> "Only the session's participants may do this, each for themself.";
        };
    }
}
