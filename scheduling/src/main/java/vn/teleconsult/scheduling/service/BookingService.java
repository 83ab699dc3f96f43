package vn.teleconsult.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.repository.BookingRepository;

/**
 * Bookings made through the REST API: who may book what (satellite doctors with linked hubs, hub staff, patients for
 * themselves), who may see and change a booking, and the audit of each access.
 *
 * <p>Each use case runs in its own transaction and records its audit entry in that transaction, on the connection it
 * already holds ({@link AuditTrail#recordInTransaction}): the entry commits with the booking or not at all, and a
 * booking costs one commit (decision 0015). A new booking's quick path does the same in a local transaction on plain
 * JDBC, without JTA or a Hibernate session (decision 0016). A refused read (a booking the caller may not see) is recorded on the audit
 * trail's own pool, since its transaction rolls back.
 */
@ApplicationScoped
public class BookingService {

    private final BookingEngine engine;
    private final BookingRepository bookings;
    private final SchedulingPolicy policy;
    private final AuditTrail audit;
    private final SchedulingSettings settings;

    public BookingService(
            BookingEngine engine,
            BookingRepository bookings,
            SchedulingPolicy policy,
            AuditTrail audit,
            SchedulingSettings settings) {
        this.engine = engine;
        this.bookings = bookings;
        this.policy = policy;
        this.audit = audit;
        this.settings = settings;
    }

    /**
     * Books or holds a slot: first the engine's quick path (one statement against the cached schedule and the audit
     * entry, in a local transaction on plain JDBC), and when that cannot decide, in a new transaction, the full path
     * that checks everything against the database as it is now.
     */
    public BookingView place(Actor actor, BookingInput input, boolean hold, String idempotencyKey) {
        try {
            return view(placeNow(actor, input, hold, idempotencyKey, Path.QUICK));
        } catch (BookingEngine.Undecided e) {
            return audited(
                    () -> view(placeNow(actor, input, hold, idempotencyKey, e.taken() ? Path.OVER_TAKEN : Path.FULL)),
                    view -> created(view.id(), view.patientId()));
        }
    }

    private static AuditEntry created(UUID booking, UUID patient) {
        return AuditEntry.of(AuditAction.CREATE, "Booking", booking).patient(patient);
    }

    private enum Path {
        QUICK,
        OVER_TAKEN,
        FULL
    }

    private Booking placeNow(Actor actor, BookingInput input, boolean hold, String idempotencyKey, Path path) {
        CachedSchedule schedule = engine.schedule(input.scheduleId());
        UUID patient = null;
        if (schedule.kind() == BookingKind.PATIENT_VISIT) {
            policy.checkBooksVisit(actor);
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
            policy.checkBooksSession(actor, schedule.hospitalId());
        }
        var place = new BookingEngine.Place(
                schedule.kind(),
                schedule.id(),
                input.start(),
                input.mode(),
                hold,
                input.holdId(),
                actor.id(),
                patient,
                schedule.kind() == BookingKind.CONSULT_SESSION ? input.consultId() : null,
                input.reasonCode(),
                schedule.kind() == BookingKind.CONSULT_SESSION && input.participantIds() != null
                        ? input.participantIds()
                        : Set.of(),
                input.resourceIds() == null ? Set.of() : input.resourceIds(),
                idempotencyKey);
        return switch (path) {
            case QUICK -> engine.placeQuickly(place, booking -> created(booking.id, booking.patientId));
            case OVER_TAKEN -> engine.placeOverTaken(place);
            case FULL -> engine.place(place);
        };
    }

    public BookingView get(Actor actor, UUID id) {
        return guarded(id, () -> view(visible(actor, id)), view -> AuditEntry.of(AuditAction.READ, "Booking", id)
                .patient(view.patientId()));
    }

    public List<BookingView> mine(Actor actor) {
        return audited(
                () -> bookings.ofUser(actor.userId(), 200).stream()
                        .map(this::view)
                        .toList(),
                result -> AuditEntry.of(AuditAction.READ, "Booking", null)
                        .patient(actor.has(Role.PATIENT) ? actor.id() : null)
                        .detail("mine count=" + result.size()));
    }

    public BookingView cancel(Actor actor, UUID id, String reason) {
        return guarded(
                id,
                () -> view(engine.end(visibleForUpdate(actor, id), BookingStatus.CANCELLED, reason)),
                view -> AuditEntry.of(AuditAction.UPDATE, "Booking", id)
                        .patient(view.patientId())
                        .detail("cancel"));
    }

    public BookingView noShow(Actor actor, UUID id) {
        return guarded(
                id,
                () -> {
                    Booking booking = visibleForUpdate(actor, id);
                    if (!SchedulingPolicy.isStaffOf(actor, booking)) {
                        throw ProblemException.forbidden("Only the hospital's staff record a no-show.");
                    }
                    return view(engine.end(booking, BookingStatus.NO_SHOW, null));
                },
                view -> AuditEntry.of(AuditAction.UPDATE, "Booking", id)
                        .patient(view.patientId())
                        .detail("no-show"));
    }

    public BookingView reschedule(Actor actor, UUID id, Instant newStart) {
        return guarded(id, () -> view(engine.reschedule(visibleForUpdate(actor, id), newStart)), view -> AuditEntry.of(
                        AuditAction.UPDATE, "Booking", id)
                .patient(view.patientId())
                .detail("reschedule"));
    }

    private static <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    /** Runs the work in its own transaction and records the entry for its result in the same transaction. */
    private <T> T audited(Supplier<T> work, Function<T, AuditEntry> entry) {
        return tx(() -> {
            T result = work.get();
            audit.recordInTransaction(entry.apply(result));
            return result;
        });
    }

    /**
     * {@link #audited}, for one booking; a booking the caller may not see is audited (on the trail's own pool, its
     * transaction rolled back) as a denied read.
     */
    private <T> T guarded(UUID id, Supplier<T> work, Function<T, AuditEntry> entry) {
        try {
            return audited(work, entry);
        } catch (NotVisible e) {
            audit.record(AuditEntry.of(AuditAction.READ, "Booking", id).outcome(AuditOutcome.DENIED));
            throw ProblemException.notFound("No booking " + id + " of yours.");
        }
    }

    /** Inside a transaction: the booking is not the caller's to see. */
    private static class NotVisible extends RuntimeException {
        NotVisible() {
            super(null, null, false, false);
        }
    }

    /** Bookings the caller may see, filtered; hub staff see their hospital's, everyone else their own. */
    public List<BookingView> search(
            Actor actor, UUID practitioner, UUID patient, BookingStatus status, Instant from, Instant to, int limit) {
        return audited(() -> searchNow(actor, practitioner, patient, status, from, to, limit), result -> AuditEntry.of(
                        AuditAction.READ, "Booking", null)
                .patient(patient)
                .detail("search count=" + result.size()));
    }

    private List<BookingView> searchNow(
            Actor actor, UUID practitioner, UUID patient, BookingStatus status, Instant from, Instant to, int limit) {
        boolean staff = SchedulingPolicy.isStaff(actor);
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
        return candidates.stream()
                .filter(b -> SchedulingPolicy.maySee(actor, b))
                .filter(b -> practitioner == null || practitioner.equals(b.practitionerId))
                .filter(b -> patient == null || patient.equals(b.patientId))
                .filter(b -> status == null || status == b.status)
                .filter(b -> from == null || !b.startAt.isBefore(from))
                .filter(b -> to == null || b.startAt.isBefore(to))
                .limit(limit)
                .map(this::view)
                .toList();
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

    private Booking visible(Actor actor, UUID id) {
        return bookings.findByIdOptional(id)
                .filter(b -> b.status != BookingStatus.EXPIRED && SchedulingPolicy.maySee(actor, b))
                .orElseThrow(NotVisible::new);
    }

    private Booking visibleForUpdate(Actor actor, UUID id) {
        Booking booking = visible(actor, id);
        return bookings.lock(booking.id).orElseThrow();
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
                b.resourceIds != null ? List.copyOf(b.resourceIds) : bookings.resources(b.id),
                Set.copyOf(b.participants));
    }
}
