package vn.teleconsult.visit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.media.api.OpenRoom;
import vn.teleconsult.media.api.VideoRooms;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.VideoVisit;
import vn.teleconsult.scheduling.api.VideoVisits;

/**
 * Joins patients and their doctors to video visits: the first of them to join within the visit's window opens its
 * room (one per visit, with a waiting room the doctor admits the patient from); anyone else gets 404, audited.
 */
@ApplicationScoped
public class VisitRoomService {

    /** How early before its start a visit can be joined. */
    static final Duration EARLY = Duration.ofMinutes(15);

    /** How long after its planned end a visit can still be joined (a doctor running late). */
    static final Duration LATE = Duration.ofMinutes(30);

    private final VideoVisits visits;
    private final VideoRooms rooms;
    private final EntityManager em;
    private final AuditTrail audit;

    public VisitRoomService(VideoVisits visits, VideoRooms rooms, EntityManager em, AuditTrail audit) {
        this.visits = visits;
        this.rooms = rooms;
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public VisitJoinView join(Actor actor, UUID bookingId) {
        UUID me = actor.userId();
        VideoVisit visit = visits.find(bookingId)
                .filter(v -> me.equals(v.patientId()) || me.equals(v.practitionerId()))
                .orElseThrow(() -> {
                    audit.record(AuditEntry.of(AuditAction.READ, "VideoVisit", bookingId)
                            .outcome(AuditOutcome.DENIED)
                            .detail("join"));
                    return ProblemException.notFound("No video visit " + bookingId + " of yours.");
                });
        if (visit.status() != BookingStatus.BOOKED) {
            throw ProblemException.conflict(
                    "This visit is " + visit.status().name().toLowerCase() + "; it has no video.");
        }
        Instant now = Instant.now();
        if (now.isBefore(visit.start().minus(EARLY))) {
            throw ProblemException.conflict("The video visit opens " + EARLY.toMinutes()
                    + " minutes before it starts, at " + visit.start().minus(EARLY) + " (UTC).");
        }
        if (now.isAfter(visit.end().plus(LATE))) {
            throw ProblemException.conflict("This video visit ended at " + visit.end() + " (UTC).");
        }
        if (visit.practitionerId() == null) {
            throw ProblemException.conflict("This visit has no doctor to meet by video; please contact the hospital.");
        }
        UUID room = roomOf(visit);
        boolean host = me.equals(visit.practitionerId());
        audit.record(AuditEntry.of(AuditAction.READ, "VideoVisit", bookingId)
                .patient(visit.patientId())
                .detail(host ? "join host" : "join patient"));
        String base = "/api/media/rooms/" + room;
        return new VisitJoinView(
                bookingId,
                room,
                host ? "HOST" : "PATIENT",
                base + "/grants",
                host ? null : base + "/lobby",
                visit.start(),
                visit.end(),
                visit.timeZone());
    }

    /** The visit's room, opened by the first caller; the row lock makes a second caller wait for it instead. */
    private UUID roomOf(VideoVisit visit) {
        em.createNativeQuery("insert into consult.visit_room (booking_id) values (?1) on conflict do nothing")
                .setParameter(1, visit.id())
                .executeUpdate();
        List<?> found = em.createNativeQuery("select room_id from consult.visit_room where booking_id = ?1 for update")
                .setParameter(1, visit.id())
                .getResultList();
        if (!found.isEmpty() && found.get(0) != null) {
            return (UUID) found.get(0);
        }
        UUID room = rooms.open(new OpenRoom(
                        "VISIT",
                        visit.id(),
                        Set.of(visit.practitionerId(), visit.patientId()),
                        visit.practitionerId(),
                        true,
                        Set.of(visit.hospitalId())))
                .id();
        em.createNativeQuery("update consult.visit_room set room_id = ?2, opened_at = now() where booking_id = ?1")
                .setParameter(1, visit.id())
                .setParameter(2, room)
                .executeUpdate();
        return room;
    }
}
