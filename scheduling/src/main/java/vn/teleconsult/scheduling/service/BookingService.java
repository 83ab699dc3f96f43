package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.domain.Schedule;
import vn.teleconsult.scheduling.repository.BookingRepository;

/**
 * Bookings made through the REST API: who may book what (satellite doctors with linked hubs, hub staff, patients for
 * themselves), who may see and change a booking, and the audit of each access.
 */
@ApplicationScoped
public class BookingService {

    private final BookingEngine engine;
    private final BookingRepository bookings;
    private final Directory directory;
    private final AuditTrail audit;
    private final SchedulingSettings settings;

    public BookingService(
            BookingEngine engine,
            BookingRepository bookings,
            Directory directory,
            AuditTrail audit,
            SchedulingSettings settings) {
        this.engine = engine;
        this.bookings = bookings;
        this.directory = directory;
        this.audit = audit;
        this.settings = settings;
    }

    @Transactional
    public BookingView place(Actor actor, BookingInput input, boolean hold, String idempotencyKey) {
        Schedule schedule = engine.schedule(input.scheduleId());
        UUID patient = null;
        if (schedule.kind == BookingKind.PATIENT_VISIT) {
            if (!actor.has(Role.PATIENT) || actor.hospitalId() != null) {
                throw ProblemException.forbidden("Patient visits are booked by the patient, signed in.");
            }
            patient = actor.userId();
            if (input.mode() == VisitMode.VIDEO && !videoAllowed(input.reasonCode())) {
                throw new ProblemException(
                        422,
                        "Video visit not allowed",
                        "A video visit is offered only for conditions allowed for remote care (Circular"
                                + " 30/2023/TT-BYT)"
                                + (input.reasonCode() == null ? "; give reasonCode (ICD-10)" : "")
                                + ". Book an IN_PERSON visit instead.",
                        Map.of("offeredModes", List.of(VisitMode.IN_PERSON)));
            }
        } else {
            checkMayBookSession(actor, schedule);
        }
        var place = new BookingEngine.Place(
                schedule.kind,
                schedule.id,
                input.start(),
                input.mode(),
                hold,
                input.holdId(),
                actor.id(),
                patient,
                schedule.kind == BookingKind.CONSULT_SESSION ? input.consultId() : null,
                input.reasonCode(),
                schedule.kind == BookingKind.CONSULT_SESSION && input.participantIds() != null
                        ? input.participantIds()
                        : Set.of(),
                input.resourceIds() == null ? Set.of() : input.resourceIds(),
                idempotencyKey);
        Booking booking = engine.place(place);
        audit.record(entry(AuditAction.CREATE, booking));
        return view(booking);
    }

    @Transactional
    public BookingView get(Actor actor, UUID id) {
        Booking booking = visible(actor, id);
        audit.record(entry(AuditAction.READ, booking));
        return view(booking);
    }

    @Transactional
    public List<BookingView> mine(Actor actor) {
        var result =
                bookings.ofUser(actor.userId(), 200).stream().map(this::view).toList();
        audit.record(AuditEntry.of(AuditAction.READ, "Booking", null)
                .patient(actor.has(Role.PATIENT) ? actor.id() : null)
                .detail("mine count=" + result.size()));
        return result;
    }

    @Transactional
    public BookingView cancel(Actor actor, UUID id, String reason) {
        Booking booking = visibleForUpdate(actor, id);
        engine.end(booking, BookingStatus.CANCELLED, reason);
        audit.record(entry(AuditAction.UPDATE, booking).detail("cancel"));
        return view(booking);
    }

    @Transactional
    public BookingView noShow(Actor actor, UUID id) {
        Booking booking = visibleForUpdate(actor, id);
        if (!isHubStaff(actor, booking)) {
            throw ProblemException.forbidden("Only the hospital's staff record a no-show.");
        }
        engine.end(booking, BookingStatus.NO_SHOW, null);
        audit.record(entry(AuditAction.UPDATE, booking).detail("no-show"));
        return view(booking);
    }

    @Transactional
    public BookingView reschedule(Actor actor, UUID id, Instant newStart) {
        Booking booking = visibleForUpdate(actor, id);
        engine.reschedule(booking, newStart);
        audit.record(entry(AuditAction.UPDATE, booking).detail("reschedule"));
        return view(booking);
    }

    /** Bookings the caller may see, filtered; hub staff see their hospital's, everyone else their own. */
    @Transactional
    public List<BookingView> search(
            Actor actor, UUID practitioner, UUID patient, BookingStatus status, Instant from, Instant to, int limit) {
        boolean staff = actor.hospitalId() != null && (actor.has(Role.COORDINATOR) || actor.has(Role.HUB_SPECIALIST));
        List<Booking> candidates = staff
                ? bookings.find(
                                "hospitalId = ?1 and status <> ?2 and startAt >= ?3 and startAt < ?4 order by startAt",
                                actor.hospitalId(),
                                BookingStatus.EXPIRED,
                                from == null ? Instant.EPOCH : from,
                                to == null ? Instant.parse("9999-01-01T00:00:00Z") : to)
                        .page(0, 1000)
                        .list()
                : bookings.ofUser(actor.userId(), 1000);
        var result = candidates.stream()
                .filter(b -> maySee(actor, b))
                .filter(b -> practitioner == null || practitioner.equals(b.practitionerId))
                .filter(b -> patient == null || patient.equals(b.patientId))
                .filter(b -> status == null || status == b.status)
                .filter(b -> from == null || !b.startAt.isBefore(from))
                .filter(b -> to == null || b.startAt.isBefore(to))
                .limit(limit)
                .map(this::view)
                .toList();
        audit.record(AuditEntry.of(AuditAction.READ, "Booking", null)
                .patient(patient)
                .detail("search count=" + result.size()));
        return result;
    }

    boolean videoAllowed(String icd10) {
        if (icd10 == null) {
            return false;
        }
        String code = icd10.toUpperCase().replace(".", "");
        return settings.videoIcd10().stream()
                .map(c -> c.strip().toUpperCase().replace(".", ""))
                .anyMatch(code::startsWith);
    }

    private void checkMayBookSession(Actor actor, Schedule schedule) {
        if (actor.hospitalId() == null) {
            throw ProblemException.forbidden("Consult sessions are booked by hospital staff.");
        }
        if (actor.has(Role.SATELLITE_DOCTOR) && directory.linked(actor.hospitalId(), schedule.hospitalId)) {
            return;
        }
        if ((actor.has(Role.COORDINATOR) || actor.has(Role.HUB_SPECIALIST))
                && actor.hospitalId().equals(schedule.hospitalId)) {
            return;
        }
        throw ProblemException.forbidden(
                "Your hospital is not linked to hub " + schedule.hospitalId + "; book with a hub you are linked to.");
    }

    private Booking visible(Actor actor, UUID id) {
        return bookings.findByIdOptional(id)
                .filter(b -> b.status != BookingStatus.EXPIRED && maySee(actor, b))
                .orElseThrow(() -> {
                    audit.record(AuditEntry.of(AuditAction.READ, "Booking", id).outcome(AuditOutcome.DENIED));
                    return ProblemException.notFound("No booking " + id + " of yours.");
                });
    }

    private Booking visibleForUpdate(Actor actor, UUID id) {
        Booking booking = visible(actor, id);
        return bookings.lock(booking.id).orElseThrow();
    }

    /** Participants (patient, requester, invited staff) and the hub's coordinators and specialists see a booking. */
    static boolean maySee(Actor actor, Booking b) {
        return isParticipant(actor, b) || isHubStaff(actor, b);
    }

    private static boolean isParticipant(Actor actor, Booking b) {
        if (actor.id().equals(b.bookedBy)) {
            return true;
        }
        try {
            UUID user = actor.userId();
            return user.equals(b.patientId) || b.participants.contains(user);
        } catch (IllegalArgumentException systemClient) {
            return false;
        }
    }

    private static boolean isHubStaff(Actor actor, Booking b) {
        return b.hospitalId.equals(actor.hospitalId())
                && (actor.has(Role.COORDINATOR) || actor.has(Role.HUB_SPECIALIST));
    }

    private AuditEntry entry(AuditAction action, Booking b) {
        return AuditEntry.of(action, "Booking", b.id).patient(b.patientId);
    }

    BookingView view(Booking b) {
        return new BookingView(
                b.id,
                b.status,
                b.kind,
                b.mode,
                b.scheduleId,
                b.hospitalId,
                b.practitionerId,
                b.serviceCode,
                b.startAt,
                b.endAt,
                b.timeZone,
                Views.local(b.startAt, b.timeZone),
                Views.local(b.endAt, b.timeZone),
                b.holdExpiresAt,
                b.patientId,
                b.consultId,
                b.urgent,
                b.reasonCode,
                b.cancelReason,
                b.sequence,
                bookings.resources(b.id),
                Set.copyOf(b.participants));
    }
}
