package vn.teleconsult.consult.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.ConsultWorkflow;
import vn.teleconsult.imaging.api.OpenReviewSession;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.media.api.OpenRoom;
import vn.teleconsult.media.api.RecordingFile;
import vn.teleconsult.media.api.RoomView;
import vn.teleconsult.media.api.VideoRooms;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.scheduling.api.ConsultSessions;
import vn.teleconsult.scheduling.api.SessionBooking;
import vn.teleconsult.scheduling.api.SessionRequest;
import vn.teleconsult.scheduling.api.UrgentSessionRequest;
import vn.teleconsult.scheduling.api.VisitMode;

/**
 * The consult's live session: booked through scheduling, started as a video room in media-bridge with a review
 * session of its studies in image-share, joined by its members. The booking and the consult's change commit together (scheduling joins this transaction).
 */
@ApplicationScoped
public class SessionService {

    private final ConsultAccess access;
    private final StateChanges changes;
    private final Notifications notifications;
    private final ConsultSessions sessions;
    private final VideoRooms rooms;
    private final ConsultService views;
    private final ReviewSessions reviews;

    public SessionService(
            ConsultAccess access,
            StateChanges changes,
            Notifications notifications,
            ConsultSessions sessions,
            VideoRooms rooms,
            ConsultService views,
            ReviewSessions reviews) {
        this.access = access;
        this.changes = changes;
        this.notifications = notifications;
        this.sessions = sessions;
        this.rooms = rooms;
        this.views = views;
        this.reviews = reviews;
    }

    /** Books the session in a free slot of the assigned specialist (or urgently with whoever is on call). */
    public ConsultView book(Actor actor, UUID id, SessionInput in) {
        Consult c = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, id, "book session");
            StateChanges.expectVersion(consult, in.version());
            ConsultWorkflow.check(consult, actor, ConsultState.SCHEDULED);
            SessionBooking booking = in.urgent() ? urgent(consult, actor, in) : slot(consult, actor, in);
            if (!booking.practitionerId().equals(consult.specialistId)) {
                throw ProblemException.conflict("That schedule is not the assigned specialist's; book a slot of "
                        + consult.specialistId + " (or reassign the consult).");
            }
            changes.move(consult, actor, ConsultState.SCHEDULED, booking.urgent() ? "urgent session" : null);
            consult.bookingId = booking.id();
            consult.sessionStart = booking.start();
            consult.sessionEnd = booking.end();
            notifications.notify(consult.members(), consult.id, "SESSION_BOOKED", actor.userId());
            changes.flush(consult);
            return consult;
        });
        access.changed(c, "session booked");
        return views.get(actor, id);
    }

    private SessionBooking slot(Consult c, Actor actor, SessionInput in) {
        if (in.scheduleId() == null || in.start() == null) {
            throw ProblemException.badRequest("scheduleId and start: name the slot to book (or urgent: true).");
        }
        return sessions.book(new SessionRequest(
                c.id, in.scheduleId(), in.start(), VisitMode.VIDEO, actor.userId(), c.members(), null, key(c, in)));
    }

    private SessionBooking urgent(Consult c, Actor actor, SessionInput in) {
        int minutes = in.minutes() == null ? 30 : in.minutes();
        return sessions.urgent(new UrgentSessionRequest(
                c.id, c.hubId, c.specialty, Duration.ofMinutes(minutes), actor.userId(), c.members()));
    }

    private static String key(Consult c, SessionInput in) {
        return in.idempotencyKey() == null ? null : c.id + ":" + in.idempotencyKey();
    }

    /** Starts the session: opens the video room and the review session for the members; then IN_SESSION. */
    public ConsultView start(Actor actor, UUID id, Long version) {
        Consult c = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, id, "start session");
            StateChanges.expectVersion(consult, version);
            ConsultWorkflow.check(consult, actor, ConsultState.IN_SESSION);
            var room = rooms.open(new OpenRoom(
                    "CONSULT",
                    consult.id,
                    consult.members(),
                    consult.specialistId,
                    false,
                    Set.of(consult.requestingHospitalId, consult.hubId)));
            // the live review session of the consult's studies; the specialist presents first
            reviews.open(new OpenReviewSession(
                    consult.id, consult.members(), consult.specialistId, List.copyOf(consult.studyUids)));
            changes.move(consult, actor, ConsultState.IN_SESSION, null);
            consult.roomId = room.id();
            if (consult.sessionStart == null || consult.sessionStart.isAfter(Instant.now())) {
                consult.sessionStart = Instant.now();
            }
            notifications.notify(consult.members(), consult.id, "SESSION_STARTED", actor.userId());
            changes.flush(consult);
            return consult;
        });
        access.changed(c, "session started");
        return views.get(actor, id);
    }

    /**
     * Asks every member to consent to recording the running session: each confirms for themself in the video room
     * ({@code POST /api/media/rooms/{room}/recording/consent}) and Janus records once all have; the converted files
     * are listed by {@link #recordings} once the session has ended.
     */
    public RoomView record(Actor actor, UUID id) {
        var recorded = new Consult[1];
        RoomView room = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, id, "record session");
            if (!actor.userId().equals(consult.specialistId) && !actor.userId().equals(consult.coordinatorId)) {
                throw ProblemException.forbidden("Only the consult's specialist or coordinator starts a recording.");
            }
            if (consult.state != ConsultState.IN_SESSION || consult.roomId == null) {
                throw ProblemException.conflict(
                        "Consult " + id + " is " + consult.state + "; only a running session is recorded.");
            }
            recorded[0] = consult;
            return rooms.requestRecording(consult.roomId, actor.id());
        });
        access.changed(recorded[0], "recording requested");
        return room;
    }

    /** The converted recording files of the consult's session, for its members; empty until converted. */
    public List<RecordingFile> recordings(Actor actor, UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.visible(actor, id, AuditAction.READ, "session recordings");
            ConsultAccess.requireMember(actor, c, "see its recordings");
            access.read(c, "session recordings");
            return c.roomId == null ? List.<RecordingFile>of() : rooms.recordings(c.roomId);
        });
    }

    /** What the calling member needs to join the running session. */
    public JoinView join(Actor actor, UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.visible(actor, id, AuditAction.READ, "join session");
            ConsultAccess.requireMember(actor, c, "join its session");
            if (c.state != ConsultState.IN_SESSION || c.roomId == null) {
                throw ProblemException.conflict("Consult " + id + " is " + c.state + "; its session is not running.");
            }
            access.read(c, "join session");
            UUID me = actor.userId();
            String role = me.equals(c.specialistId) ? "HOST" : "PARTICIPANT";
            return new JoinView(
                    c.id,
                    c.roomId,
                    "/api/media/rooms/" + c.roomId + "/grants",
                    ReviewSessions.SOCKET_PATH + c.id,
                    List.copyOf(c.studyUids),
                    role);
        });
    }
}
