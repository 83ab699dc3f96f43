package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.ConsultSessions;
import vn.teleconsult.scheduling.api.SessionBooking;
import vn.teleconsult.scheduling.api.SessionRequest;
import vn.teleconsult.scheduling.api.UrgentSessionRequest;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.domain.Schedule;
import vn.teleconsult.scheduling.repository.BookingRepository;

/** {@link ConsultSessions} for the consult workflow: checks the hub link of the requester, then books. */
@ApplicationScoped
public class ConsultSessionService implements ConsultSessions {

    private final BookingEngine engine;
    private final BookingRepository bookings;
    private final OnCallService onCall;
    private final Directory directory;
    private final AuditTrail audit;

    public ConsultSessionService(
            BookingEngine engine,
            BookingRepository bookings,
            OnCallService onCall,
            Directory directory,
            AuditTrail audit) {
        this.engine = engine;
        this.bookings = bookings;
        this.onCall = onCall;
        this.directory = directory;
        this.audit = audit;
    }

    @Override
    @Transactional
    public SessionBooking hold(SessionRequest request) {
        return place(request, true);
    }

    @Override
    @Transactional
    public SessionBooking book(SessionRequest request) {
        return place(request, false);
    }

    @Override
    @Transactional
    public SessionBooking reschedule(UUID bookingId, Instant newStart) {
        Booking booking = session(bookingId);
        engine.reschedule(booking, newStart);
        audit.record(AuditEntry.of(AuditAction.UPDATE, "Booking", bookingId).detail("reschedule"));
        return view(booking);
    }

    @Override
    @Transactional
    public SessionBooking cancel(UUID bookingId, String reason) {
        Booking booking = session(bookingId);
        engine.end(booking, BookingStatus.CANCELLED, reason);
        audit.record(AuditEntry.of(AuditAction.UPDATE, "Booking", bookingId).detail("cancel"));
        return view(booking);
    }

    @Override
    @Transactional
    public SessionBooking urgent(UrgentSessionRequest request) {
        checkLinked(request.requesterId(), request.hubId());
        UUID specialist = onCall(request.hubId(), request.specialty(), Instant.now())
                .orElseThrow(() -> new ProblemException(
                        409,
                        "Nobody on call",
                        "No " + request.specialty() + " specialist is on call at hub " + request.hubId() + " now."));
        Booking booking = engine.urgent(
                request.hubId(),
                specialist,
                request.consultId(),
                request.length(),
                request.requesterId().toString(),
                request.participantIds());
        audit.record(AuditEntry.of(AuditAction.CREATE, "Booking", booking.id).detail("urgent"));
        return view(booking);
    }

    @Override
    @Transactional
    public Optional<SessionBooking> find(UUID bookingId) {
        return bookings.findByIdOptional(bookingId)
                .filter(b -> b.kind == BookingKind.CONSULT_SESSION)
                .map(ConsultSessionService::view);
    }

    @Override
    public Optional<UUID> onCall(UUID hubId, String specialty, Instant at) {
        return onCall.onCall(hubId, specialty, at);
    }

    private SessionBooking place(SessionRequest request, boolean hold) {
        Schedule schedule = engine.schedule(request.scheduleId());
        checkLinked(request.requesterId(), schedule.hospitalId);
        Booking booking = engine.place(new BookingEngine.Place(
                BookingKind.CONSULT_SESSION,
                schedule.id,
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
        audit.record(AuditEntry.of(AuditAction.CREATE, "Booking", booking.id).detail(hold ? "hold" : "book"));
        return view(booking);
    }

    /** The requester is staff of the hub itself or of a satellite linked to it. */
    private void checkLinked(UUID requesterId, UUID hubId) {
        var person = directory
                .person(requesterId)
                .filter(p -> p.enabled() && p.hospitalId() != null)
                .orElseThrow(() -> ProblemException.forbidden("Requester " + requesterId + " is no hospital staff."));
        boolean hubStaff =
                person.hospitalId().equals(hubId) && (person.has(Role.COORDINATOR) || person.has(Role.HUB_SPECIALIST));
        boolean linkedSatellite = person.has(Role.SATELLITE_DOCTOR) && directory.linked(person.hospitalId(), hubId);
        if (!hubStaff && !linkedSatellite) {
            throw ProblemException.forbidden(
                    "The requester's hospital is not linked to hub " + hubId + "; consult sessions go to linked hubs.");
        }
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
