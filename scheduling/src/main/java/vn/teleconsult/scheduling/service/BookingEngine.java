package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.scheduling.api.BookingCancelled;
import vn.teleconsult.scheduling.api.BookingConfirmed;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.domain.BookableResource;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.domain.Interval;
import vn.teleconsult.scheduling.domain.ResourceKind;
import vn.teleconsult.scheduling.domain.Schedule;
import vn.teleconsult.scheduling.repository.BookingRepository;
import vn.teleconsult.scheduling.repository.ResourceRepository;
import vn.teleconsult.scheduling.repository.ScheduleRepository;

/**
 * Places, moves and cancels bookings. Whether the time is free is decided by PostgreSQL's exclusion constraint on
 * {@code booking_resource}, never by a check in Java; all resources of a booking are taken in one transaction.
 * Callers have already checked who may do this.
 */
@ApplicationScoped
public class BookingEngine {

    /** What to place; {@code requester} is the actor id, {@code hold} asks for a hold instead of a booking. */
    public record Place(
            BookingKind kind,
            UUID scheduleId,
            Instant start,
            VisitMode mode,
            boolean hold,
            UUID holdId,
            String requester,
            UUID patientId,
            UUID consultId,
            String reasonCode,
            Set<UUID> participants,
            Set<UUID> extraResources,
            String idempotencyKey) {}

    private final ScheduleRepository schedules;
    private final ResourceRepository resources;
    private final BookingRepository bookings;
    private final NotificationOutbox outbox;
    private final SchedulingSettings settings;
    private final Event<BookingConfirmed> confirmed;
    private final Event<BookingCancelled> cancelled;

    public BookingEngine(
            ScheduleRepository schedules,
            ResourceRepository resources,
            BookingRepository bookings,
            NotificationOutbox outbox,
            SchedulingSettings settings,
            Event<BookingConfirmed> confirmed,
            Event<BookingCancelled> cancelled) {
        this.schedules = schedules;
        this.resources = resources;
        this.bookings = bookings;
        this.outbox = outbox;
        this.settings = settings;
        this.confirmed = confirmed;
        this.cancelled = cancelled;
    }

    public Schedule schedule(UUID id) {
        return schedules
                .findByIdOptional(id)
                .filter(s -> s.active)
                .orElseThrow(() -> ProblemException.notFound("No schedule " + id + "."));
    }

    @Transactional
    public Booking place(Place p) {
        if (p.idempotencyKey() != null) {
            var earlier = bookings.byKey(p.requester(), p.idempotencyKey());
            if (earlier.isPresent()) {
                Booking b = earlier.get();
                if (!p.scheduleId().equals(b.scheduleId) || !p.start().equals(b.startAt)) {
                    throw new ProblemException(
                            422,
                            "Idempotency key reused",
                            "This Idempotency-Key was used for booking " + b.id
                                    + " of another slot; use a new key for a new request.");
                }
                return b;
            }
        }
        Schedule schedule = schedule(p.scheduleId());
        if (schedule.kind != p.kind()) {
            throw new ProblemException(
                    422, "Wrong kind of schedule", "Schedule " + schedule.id + " is for " + schedule.kind + ".");
        }
        if (!schedule.modeSet().contains(p.mode())) {
            throw new ProblemException(
                    422,
                    "Mode not offered",
                    "Schedule " + schedule.id + " offers " + schedule.modes + ", not " + p.mode() + ".",
                    Map.of("offeredModes", schedule.modeSet()));
        }
        Interval slot = checkSlot(schedule, p.start());
        UUID holdId = p.holdId();
        if (holdId == null && !p.hold()) {
            holdId = bookings.find(
                            "status = ?1 and bookedBy = ?2 and scheduleId = ?3 and startAt = ?4",
                            BookingStatus.HELD,
                            p.requester(),
                            schedule.id,
                            p.start())
                    .firstResultOptional()
                    .filter(b -> b.holdExpiresAt.isAfter(Instant.now()))
                    .map(b -> b.id)
                    .orElse(null);
        }
        if (holdId != null) {
            return confirmHold(holdId, p, schedule);
        }
        List<UUID> taking = new ArrayList<>();
        taking.add(schedule.resourceId);
        taking.addAll(extraResources(schedule, p.extraResources()));
        bookings.releaseExpiredHolds(taking, slot);

        var booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.kind = p.kind();
        booking.mode = p.mode();
        booking.status = p.hold() ? BookingStatus.HELD : BookingStatus.BOOKED;
        booking.scheduleId = schedule.id;
        booking.hospitalId = schedule.hospitalId;
        booking.practitionerId = practitionerOf(schedule);
        booking.serviceCode = schedule.serviceCode;
        booking.startAt = slot.start();
        booking.endAt = slot.end();
        booking.timeZone = schedule.timeZone;
        booking.holdExpiresAt = p.hold() ? Instant.now().plus(settings.holdLength()) : null;
        booking.patientId = p.patientId();
        booking.consultId = p.consultId();
        booking.reasonCode = p.reasonCode();
        booking.bookedBy = p.requester();
        booking.idempotencyKey = p.idempotencyKey();
        booking.createdAt = Instant.now();
        booking.updatedAt = booking.createdAt;
        booking.participants = participants(p, booking.practitionerId);
        try {
            bookings.insert(booking);
        } catch (BookingRepository.DuplicateKey e) {
            throw ProblemException.conflict(
                    "Another request with this Idempotency-Key is being processed; retry it" + " to get its answer.");
        }
        occupy(booking, taking, slot, booking.holdExpiresAt);
        if (booking.status == BookingStatus.BOOKED) {
            announce(booking, false);
        }
        return booking;
    }

    @Transactional
    public Booking reschedule(Booking booking, Instant newStart) {
        if (booking.status != BookingStatus.BOOKED || booking.scheduleId == null) {
            throw ProblemException.conflict("Booking " + booking.id + " is " + booking.status
                    + (booking.scheduleId == null ? " and has no schedule" : "") + "; only a booked slot moves.");
        }
        Schedule schedule = schedule(booking.scheduleId);
        Interval slot = checkSlot(schedule, newStart);
        List<UUID> taking = bookings.resources(booking.id);
        bookings.release(booking.id);
        bookings.releaseExpiredHolds(taking, slot);
        occupy(booking, taking, slot, null);
        booking.startAt = slot.start();
        booking.endAt = slot.end();
        booking.sequence++;
        booking.updatedAt = Instant.now();
        announce(booking, true);
        return booking;
    }

    /** Cancels (CANCELLED) or records a no-show (NO_SHOW); cancelling frees the time. */
    @Transactional
    public Booking end(Booking booking, BookingStatus to, String reason) {
        if (!booking.takesTime() || (to == BookingStatus.NO_SHOW && booking.status != BookingStatus.BOOKED)) {
            throw ProblemException.conflict(
                    "Booking " + booking.id + " is " + booking.status + "; it cannot become " + to + ".");
        }
        if (to == BookingStatus.NO_SHOW && booking.startAt.isAfter(Instant.now())) {
            throw ProblemException.conflict(
                    "Booking " + booking.id + " has not started yet; a no-show is recorded" + " after the start.");
        }
        boolean wasBooked = booking.status == BookingStatus.BOOKED;
        booking.status = to;
        booking.cancelReason = reason;
        booking.updatedAt = Instant.now();
        if (to == BookingStatus.CANCELLED) {
            bookings.release(booking.id);
            booking.sequence++;
        }
        if (wasBooked) {
            outbox.ended(booking, to == BookingStatus.CANCELLED);
            cancelled.fire(new BookingCancelled(booking.id, booking.kind, booking.consultId, to));
        }
        return booking;
    }

    /** An URGENT session outside any slot: recorded and announced, taking no slot from the specialist. */
    @Transactional
    public Booking urgent(
            UUID hubId, UUID practitionerId, UUID consultId, Duration length, String requester, Set<UUID> people) {
        if (length.isNegative() || length.isZero() || length.toHours() > 8) {
            throw ProblemException.badRequest("length: an urgent session lasts between 1 minute and 8 hours.");
        }
        var booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.kind = BookingKind.CONSULT_SESSION;
        booking.mode = VisitMode.VIDEO;
        booking.status = BookingStatus.BOOKED;
        booking.hospitalId = hubId;
        booking.practitionerId = practitionerId;
        booking.serviceCode = "urgent-consult";
        booking.startAt = Instant.now();
        booking.endAt = booking.startAt.plus(length);
        booking.timeZone = settings.defaultTimeZone();
        booking.consultId = consultId;
        booking.urgent = true;
        booking.bookedBy = requester;
        booking.createdAt = booking.startAt;
        booking.updatedAt = booking.startAt;
        booking.participants = new HashSet<>(people);
        booking.participants.add(practitionerId);
        booking.participants.add(UUID.fromString(requester));
        bookings.insert(booking);
        announce(booking, false);
        return booking;
    }

    private Booking confirmHold(UUID holdId, Place p, Schedule schedule) {
        Booking hold = bookings.lock(holdId)
                .filter(b -> b.bookedBy.equals(p.requester()))
                .orElseThrow(() -> ProblemException.notFound("No hold " + holdId + " of yours."));
        if (hold.status == BookingStatus.BOOKED && p.start().equals(hold.startAt)) {
            return hold;
        }
        if (!schedule.id.equals(hold.scheduleId) || !p.start().equals(hold.startAt)) {
            throw ProblemException.conflict("Hold " + holdId + " is for another slot (" + hold.startAt + ").");
        }
        if (hold.status != BookingStatus.HELD || !hold.holdExpiresAt.isAfter(Instant.now())) {
            throw new ProblemException(
                    409,
                    "Hold expired",
                    "Hold " + holdId + " expired at " + Views.local(hold.holdExpiresAt, hold.timeZone) + " ("
                            + hold.timeZone + "); the slot may have been taken since. Search again and book.",
                    Map.of("holdId", holdId, "expiredAt", hold.holdExpiresAt.toString()));
        }
        hold.status = BookingStatus.BOOKED;
        hold.holdExpiresAt = null;
        hold.mode = p.mode();
        if (p.reasonCode() != null) {
            hold.reasonCode = p.reasonCode();
        }
        if (p.consultId() != null) {
            hold.consultId = p.consultId();
        }
        hold.participants.addAll(participants(p, hold.practitionerId));
        hold.updatedAt = Instant.now();
        bookings.keep(hold.id);
        announce(hold, false);
        return hold;
    }

    private void occupy(Booking booking, List<UUID> taking, Interval slot, Instant holdExpiresAt) {
        try {
            bookings.occupy(booking.id, taking, slot, holdExpiresAt);
        } catch (BookingRepository.TimeTaken e) {
            var details = new LinkedHashMap<String, Object>();
            details.put("scheduleId", booking.scheduleId);
            details.put("start", slot.start().toString());
            details.put("end", slot.end().toString());
            e.resourceId().ifPresent(r -> details.put("resourceId", r));
            throw new ProblemException(
                    409,
                    "Slot taken",
                    "The slot " + Views.local(slot.start(), booking.timeZone) + " – "
                            + Views.local(slot.end(), booking.timeZone) + " (" + booking.timeZone + ") of schedule "
                            + booking.scheduleId + " is no longer free"
                            + e.resourceId()
                                    .map(r -> " (resource " + r + " is taken)")
                                    .orElse("")
                            + ". Pick another slot.",
                    Map.of("slot", details));
        }
    }

    private void announce(Booking booking, boolean rescheduled) {
        if (rescheduled) {
            outbox.changed(booking);
        } else {
            outbox.confirmed(booking);
        }
        confirmed.fire(new BookingConfirmed(
                booking.id,
                booking.kind,
                booking.consultId,
                booking.startAt,
                booking.endAt,
                rescheduled,
                booking.participants));
    }

    /** The slot starting at {@code start}, if the schedule offers it now; else a 422 saying why. */
    Interval checkSlot(Schedule schedule, Instant start) {
        Instant now = Instant.now();
        var slot = new Interval(start, start.plus(Duration.ofMinutes(schedule.slotMinutes)));
        if (start.isBefore(now)) {
            throw new ProblemException(422, "Slot in the past", "The slot at " + start + " has already begun.");
        }
        if (start.isAfter(now.plus(Duration.ofDays(schedule.horizonDays)))) {
            throw new ProblemException(
                    422,
                    "Beyond the booking horizon",
                    "Schedule " + schedule.id + " takes bookings up to " + schedule.horizonDays + " days ahead.");
        }
        if (start.isBefore(now.plus(Duration.ofMinutes(schedule.minNoticeMinutes)))) {
            throw new ProblemException(
                    422,
                    "Too short notice",
                    "Schedule " + schedule.id + " needs " + schedule.minNoticeMinutes + " minutes' notice.");
        }
        if (!SlotService.slots(schedule, schedules.rules(schedule.id), slot.start(), slot.end())
                .contains(slot)) {
            throw new ProblemException(
                    422,
                    "Not a slot",
                    "Schedule " + schedule.id + " has no slot starting at " + Views.local(start, schedule.timeZone)
                            + " (" + schedule.timeZone + "); search for free slots first.");
        }
        var off = resources.exceptions(List.of(schedule.resourceId), slot.start(), slot.end());
        if (!off.isEmpty()) {
            throw new ProblemException(
                    409,
                    "Resource unavailable",
                    "The practitioner or resource of schedule " + schedule.id + " is unavailable then (leave or"
                            + " holiday).");
        }
        return slot;
    }

    private List<UUID> extraResources(Schedule schedule, Set<UUID> ids) {
        var result = new ArrayList<UUID>();
        for (UUID id : ids) {
            BookableResource r = resources
                    .findByIdOptional(id)
                    .filter(x -> x.hospitalId.equals(schedule.hospitalId) && x.kind != ResourceKind.PRACTITIONER)
                    .orElseThrow(() -> new ProblemException(
                            422,
                            "Unknown resource",
                            "resourceIds: " + id + " is not a room or device of the schedule's hospital."));
            if (!r.id.equals(schedule.resourceId)) {
                result.add(r.id);
            }
        }
        return result;
    }

    private UUID practitionerOf(Schedule schedule) {
        return resources
                .findByIdOptional(schedule.resourceId)
                .filter(r -> r.kind == ResourceKind.PRACTITIONER)
                .map(r -> r.id)
                .orElse(null);
    }

    private static Set<UUID> participants(Place p, UUID practitionerId) {
        var people = new LinkedHashSet<UUID>(p.participants());
        if (practitionerId != null) {
            people.add(practitionerId);
        }
        if (p.patientId() != null) {
            people.add(p.patientId());
        }
        try {
            people.add(UUID.fromString(p.requester()));
        } catch (IllegalArgumentException systemClient) {
            // a system client is no participant
        }
        return new HashSet<>(people);
    }
}
