package vn.teleconsult.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.ConsultSessions;
import vn.teleconsult.scheduling.api.SessionBooking;
import vn.teleconsult.scheduling.api.SessionRequest;
import vn.teleconsult.scheduling.api.UrgentSessionRequest;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.repository.BookingRepository;

/**
 * {@link ConsultSessions} for the consult workflow: checks the hub link of the requester, then books. The work joins
 * the caller's transaction if there is one; the audit entry is written after it.
 */
@ApplicationScoped
public class ConsultSessionService implements ConsultSessions {

    private final BookingEngine engine;
    private final BookingRepository bookings;
    private final OnCallService onCall;
    private final SchedulingPolicy policy;
    private final AuditTrail audit;

    public ConsultSessionService(
            BookingEngine engine,
            BookingRepository bookings,
            OnCallService onCall,
            SchedulingPolicy policy,
            AuditTrail audit) {
        this.engine = engine;
        this.bookings = bookings;
        this.onCall = onCall;
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public SessionBooking hold(SessionRequest request) {
        return place(request, true);
    }

    @Override
    public SessionBooking book(SessionRequest request) {
        return place(request, false);
    }

    @Override
    public SessionBooking reschedule(UUID bookingId, Instant newStart) {
        var view = tx(() -> view(engine.reschedule(session(bookingId), newStart)));
        audit.record(AuditEntry.of(AuditAction.UPDATE, "Booking", bookingId).detail("reschedule"));
        return view;
    }

    @Override
    public SessionBooking cancel(UUID bookingId, String reason) {
        var view = tx(() -> view(engine.end(session(bookingId), BookingStatus.CANCELLED, reason)));
        audit.record(AuditEntry.of(AuditAction.UPDATE, "Booking", bookingId).detail("cancel"));
        return view;
    }

    @Override
    public SessionBooking urgent(UrgentSessionRequest request) {
        policy.checkRequesterBooksSession(request.requesterId(), request.hubId());
        UUID specialist = onCall(request.hubId(), request.specialty(), Instant.now())
                .orElseThrow(() -> new ProblemException(
                        409,
                        "Nobody on call",
                        "No " + request.specialty() + " specialist is on call at hub " + request.hubId() + " now."));
        var view = tx(() -> view(engine.urgent(
                request.hubId(),
                specialist,
                request.consultId(),
                request.length(),
                request.requesterId().toString(),
                request.participantIds())));
        audit.record(AuditEntry.of(AuditAction.CREATE, "Booking", view.id()).detail("urgent"));
        return view;
    }

    @Override
    public Optional<SessionBooking> find(UUID bookingId) {
        return tx(() -> bookings.findByIdOptional(bookingId)
                .filter(b -> b.kind == BookingKind.CONSULT_SESSION)
                .map(ConsultSessionService::view));
    }

    @Override
    public Optional<UUID> onCall(UUID hubId, String specialty, Instant at) {
        return onCall.onCall(hubId, specialty, at);
    }

    private SessionBooking place(SessionRequest request, boolean hold) {
        var view = tx(() -> placeNow(request, hold));
        audit.record(AuditEntry.of(AuditAction.CREATE, "Booking", view.id()).detail(hold ? "hold" : "book"));
        return view;
    }

    private static <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }

    private SessionBooking placeNow(SessionRequest request, boolean hold) {
        CachedSchedule schedule = engine.schedule(request.scheduleId());
        policy.checkRequesterBooksSession(request.requesterId(), schedule.hospitalId());
        Booking booking = engine.place(new BookingEngine.Place(
                BookingKind.CONSULT_SESSION,
                schedule.id(),
                request.start(),
                request.mode(),
                hold,
                null,
                request.requesterId().toString(),
                null,
                request.consultId(),
                null,
                request.participantIds(),
                request.extraResourceIds(),
                request.idempotencyKey()));
        return view(booking);
    }

    private Booking session(UUID bookingId) {
        return bookings.lock(bookingId)
                .filter(b -> b.kind == BookingKind.CONSULT_SESSION)
                .orElseThrow(() -> ProblemException.notFound("No consult session " + bookingId + "."));
    }

    private static SessionBooking view(Booking b) {
        return new SessionBooking(
                b.id,
                b.consultId,
                b.status,
                b.startAt,
                b.endAt,
                b.timeZone,
                b.practitionerId,
                b.urgent,
                b.participants);
    }
}
