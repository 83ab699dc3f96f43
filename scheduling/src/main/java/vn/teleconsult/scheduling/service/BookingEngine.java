package vn.teleconsult.scheduling.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
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
import java.util.function.Function;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.db.LocalTransaction;
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
import vn.teleconsult.scheduling.repository.BookingRepository;
import vn.teleconsult.scheduling.repository.ResourceRepository;

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

    /**
     * The quick path could not decide (the time is taken, maybe by the caller's own or an expired hold; the cached
     * schedule is stale; the idempotency key was used; the input is refused): {@link #place} decides. Its transaction
     * has rolled back.
     */
    public static final class Undecided extends RuntimeException {
        private final boolean taken;

        Undecided() {
            this(false);
        }

        private Undecided(boolean taken) {
            super(null, null, false, false);
            this.taken = taken;
        }

        /**
         * The statement ran against the current version of the schedule (else it inserts nothing) and found the time
         * taken: the full path need not reload the schedule nor look for leave again.
         */
        public boolean taken() {
            return taken;
        }
    }

    private final ScheduleCache cache;
    private final AgroalDataSource dataSource;
    private final AuditTrail audit;
    private final ResourceRepository resources;
    private final BookingRepository bookings;
    private final BookingWriter writer;
    private final NotificationOutbox outbox;
    private final SchedulingSettings settings;
    private final Event<BookingConfirmed> confirmed;
    private final Event<BookingCancelled> cancelled;

    public BookingEngine(
            ScheduleCache cache,
            AgroalDataSource dataSource,
            AuditTrail audit,
            ResourceRepository resources,
            BookingRepository bookings,
            BookingWriter writer,
            NotificationOutbox outbox,
            SchedulingSettings settings,
            Event<BookingConfirmed> confirmed,
            Event<BookingCancelled> cancelled) {
        this.cache = cache;
        this.dataSource = dataSource;
        this.audit = audit;
        this.resources = resources;
        this.bookings = bookings;
        this.writer = writer;
        this.outbox = outbox;
        this.settings = settings;
        this.confirmed = confirmed;
        this.cancelled = cancelled;
    }

    /** The active schedule, possibly from the cache (what it says about kind, hospital and modes never changes). */
    public CachedSchedule schedule(UUID id) {
        return cache.get(id).filter(CachedSchedule::active).orElseThrow(() -> noSchedule(id));
    }

    /**
     * The quick path of a new booking or hold: checks against the cached schedule, then writes the booking with the
     * audit entry {@code audited} makes for it, committed together on plain JDBC (no JTA transaction and no Hibernate
     * session: decision 0016): a booking of one resource in a batch with the other bookings waiting
     * ({@link BookingWriter}), one of several resources with its own statement ({@link BookingRepository#insertAll})
     * in a local transaction. Throws {@link Undecided} for anything else, after which the caller runs {@link #place} in a
     * transaction of its own. Must be called outside a JTA transaction.
     */
    public Booking placeQuickly(Place p, Function<Booking, AuditEntry> audited) {
        if (p.holdId() != null) {
            throw new Undecided();
        }
        CachedSchedule schedule = cache.get(p.scheduleId()).orElseThrow(Undecided::new);
        Interval slot;
        List<UUID> taking;
        try {
            checkOffer(schedule, p);
            slot = checkSlot(schedule, p.start());
            taking = taking(schedule, p.extraResources());
        } catch (ProblemException refused) {
            throw new Undecided();
        }
        Booking booking = newBooking(p, schedule, slot);
        if (taking.size() == 1) {
            var outcome = writer.write(
                    new BookingRepository.NewBooking(
                            booking, schedule.version(), taking.get(0), outbox.onConfirmation(booking)),
                    audit.stamp(audited.apply(booking)));
            switch (outcome) {
                case TAKEN -> throw new Undecided(true);
                case UNDECIDED -> throw new Undecided();
                case WRITTEN -> {}
            }
        } else {
            placeAlone(booking, schedule, taking, audited);
        }
        booking.resourceIds = taking;
        if (booking.status == BookingStatus.BOOKED) {
            fire(booking, false);
        }
        return booking;
    }

    /** A booking of several resources: its own statement, in a local transaction of its own. */
    private void placeAlone(
            Booking booking, CachedSchedule schedule, List<UUID> taking, Function<Booking, AuditEntry> audited) {
        try {
            LocalTransaction.run(dataSource, connection -> {
                if (bookings.insertAll(connection, booking, schedule.version(), taking, outbox.onConfirmation(booking))
                        == 0) {
                    throw new Undecided();
                }
                audit.recordOn(connection, audited.apply(booking));
                return null;
            });
        } catch (BookingRepository.TimeTaken e) {
            throw new Undecided(true);
        } catch (SQLException e) {
            throw new IllegalStateException("The booking could not be written", e);
        }
    }

    /**
     * Places a booking or hold with every check against the database as it is now: the idempotency key, the schedule's
     * current rules and exceptions, the caller's own hold of the slot (which it confirms), expired holds (released).
     */
    @Transactional
    public Booking place(Place p) {
        return place(p, false);
    }

    /**
     * {@link #place}, after the quick path found the time taken ({@link Undecided#taken}): the cached schedule was
     * current and the resource had no leave then, so only holds (the caller's own, expired ones) are looked at again.
     */
    @Transactional
    public Booking placeOverTaken(Place p) {
        return place(p, true);
    }

    private Booking place(Place p, boolean overTaken) {
        if (p.idempotencyKey() != null && !overTaken) {
            var earlier = bookings.byKey(p.requester(), p.idempotencyKey());
            if (earlier.isPresent()) {
                return repeated(p, earlier.get());
            }
        }
        CachedSchedule schedule = (overTaken ? cache.get(p.scheduleId()) : cache.fresh(p.scheduleId()))
                .filter(CachedSchedule::active)
                .orElseThrow(() -> noSchedule(p.scheduleId()));
        checkOffer(schedule, p);
        Interval slot = checkSlot(schedule, p.start());
        if (!overTaken) {
            checkNoException(schedule, slot);
        }
        UUID holdId = p.holdId();
        if (holdId == null && !p.hold()) {
            holdId = bookings.find(
                            "status = ?1 and bookedBy = ?2 and scheduleId = ?3 and startAt = ?4",
                            BookingStatus.HELD,
                            p.requester(),
                            schedule.id(),
                            p.start())
                    .firstResultOptional()
                    .filter(b -> b.holdExpiresAt.isAfter(Instant.now()))
                    .map(b -> b.id)
                    .orElse(null);
        }
        if (holdId != null) {
            return confirmHold(holdId, p, schedule);
        }
        List<UUID> taking = taking(schedule, p.extraResources());
        bookings.releaseExpiredHolds(taking, slot);
        Booking booking = newBooking(p, schedule, slot);
        int inserted;
        try {
            inserted = bookings.insertAll(booking, schedule.version(), taking, outbox.onConfirmation(booking));
        } catch (BookingRepository.TimeTaken e) {
            throw taken(booking, slot, e);
        }
        if (inserted == 0) {
            if (p.idempotencyKey() != null) {
                var earlier = bookings.byKey(p.requester(), p.idempotencyKey());
                if (earlier.isPresent()) {
                    return repeated(p, earlier.get());
                }
            }
            throw ProblemException.conflict("Schedule " + schedule.id() + " or its resource changed while booking;"
                    + " search for free slots again.");
        }
        booking.resourceIds = taking;
        if (booking.status == BookingStatus.BOOKED) {
            fire(booking, false);
        }
        return booking;
    }

    private static Booking repeated(Place p, Booking earlier) {
        if (!p.scheduleId().equals(earlier.scheduleId) || !p.start().equals(earlier.startAt)) {
            throw new ProblemException(
                    422,
                    "Idempotency key reused",
                    "This Idempotency-Key was used for booking " + earlier.id
                            + " of another slot; use a new key for a new request.");
        }
        return earlier;
    }

    private static void checkOffer(CachedSchedule schedule, Place p) {
        if (schedule.kind() != p.kind()) {
            throw new ProblemException(
                    422, "Wrong kind of schedule", "Schedule " + schedule.id() + " is for " + schedule.kind() + ".");
        }
        if (!schedule.modes().contains(p.mode())) {
            throw new ProblemException(
                    422,
                    "Mode not offered",
                    "Schedule " + schedule.id() + " offers " + schedule.modes() + ", not " + p.mode() + ".",
                    Map.of("offeredModes", schedule.modes()));
        }
    }

    private Booking newBooking(Place p, CachedSchedule schedule, Interval slot) {
        var booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.kind = p.kind();
        booking.mode = p.mode();
        booking.status = p.hold() ? BookingStatus.HELD : BookingStatus.BOOKED;
        booking.scheduleId = schedule.id();
        booking.hospitalId = schedule.hospitalId();
        booking.practitionerId = schedule.practitionerId();
        booking.serviceCode = schedule.serviceCode();
        booking.startAt = slot.start();
        booking.endAt = slot.end();
        booking.timeZone = schedule.timeZone();
        booking.createdAt = Instant.now();
        booking.updatedAt = booking.createdAt;
        booking.holdExpiresAt = p.hold() ? booking.createdAt.plus(settings.holdLength()) : null;
        booking.patientId = p.patientId();
        booking.consultId = p.consultId();
        booking.reasonCode = p.reasonCode();
        booking.bookedBy = p.requester();
        booking.idempotencyKey = p.idempotencyKey();
        booking.participants = participants(p, booking.practitionerId);
        return booking;
    }

    private static ProblemException noSchedule(UUID id) {
        return ProblemException.notFound("No schedule " + id + ".");
    }

    @Transactional
    public Booking reschedule(Booking booking, Instant newStart) {
        if (booking.status != BookingStatus.BOOKED || booking.scheduleId == null) {
            throw ProblemException.conflict("Booking " + booking.id + " is " + booking.status
                    + (booking.scheduleId == null ? " and has no schedule" : "") + "; only a booked slot moves.");
        }
        CachedSchedule schedule = cache.fresh(booking.scheduleId)
                .filter(CachedSchedule::active)
                .orElseThrow(() -> noSchedule(booking.scheduleId));
        Interval slot = checkSlot(schedule, newStart);
        checkNoException(schedule, slot);
        List<UUID> taking = bookings.resources(booking.id);
        bookings.release(booking.id);
        bookings.releaseExpiredHolds(taking, slot);
        occupy(booking, taking, slot, null);
        booking.startAt = slot.start();
        booking.endAt = slot.end();
        booking.sequence++;
        booking.updatedAt = Instant.now();
        booking.resourceIds = taking;
        outbox.changed(booking);
        fire(booking, true);
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
        outbox.confirmed(booking);
        fire(booking, false);
        return booking;
    }

    private Booking confirmHold(UUID holdId, Place p, CachedSchedule schedule) {
        Booking hold = bookings.lock(holdId)
                .filter(b -> b.bookedBy.equals(p.requester()))
                .orElseThrow(() -> ProblemException.notFound("No hold " + holdId + " of yours."));
        if (hold.status == BookingStatus.BOOKED && p.start().equals(hold.startAt)) {
            return hold;
        }
        if (!schedule.id().equals(hold.scheduleId) || !p.start().equals(hold.startAt)) {
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
        outbox.confirmed(hold);
        fire(hold, false);
        return hold;
    }

    private void occupy(Booking booking, List<UUID> taking, Interval slot, Instant holdExpiresAt) {
        try {
            bookings.occupy(booking.id, taking, slot, holdExpiresAt);
        } catch (BookingRepository.TimeTaken e) {
            throw taken(booking, slot, e);
        }
    }

    /** 409 naming the slot and, when PostgreSQL named it, the resource that is taken. */
    private static ProblemException taken(Booking booking, Interval slot, BookingRepository.TimeTaken e) {
        var details = new LinkedHashMap<String, Object>();
        details.put("scheduleId", booking.scheduleId);
        details.put("start", slot.start().toString());
        details.put("end", slot.end().toString());
        e.resourceId().ifPresent(r -> details.put("resourceId", r));
        return new ProblemException(
                409,
                "Slot taken",
                "The slot " + Views.local(slot.start(), booking.timeZone) + " – "
                        + Views.local(slot.end(), booking.timeZone)
                        + " (" + booking.timeZone + ") of schedule " + booking.scheduleId + " is no longer free"
                        + e.resourceId()
                                .map(r -> " (resource " + r + " is taken)")
                                .orElse("")
                        + ". Pick another slot.",
                Map.of("slot", details));
    }

    private void fire(Booking booking, boolean rescheduled) {
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
    static Interval checkSlot(CachedSchedule schedule, Instant start) {
        Instant now = Instant.now();
        var slot = new Interval(start, start.plus(Duration.ofMinutes(schedule.slotMinutes())));
        if (start.isBefore(now)) {
            throw new ProblemException(422, "Slot in the past", "The slot at " + start + " has already begun.");
        }
        if (start.isAfter(now.plus(Duration.ofDays(schedule.horizonDays())))) {
            throw new ProblemException(
                    422,
                    "Beyond the booking horizon",
                    "Schedule " + schedule.id() + " takes bookings up to " + schedule.horizonDays() + " days ahead.");
        }
        if (start.isBefore(now.plus(Duration.ofMinutes(schedule.minNoticeMinutes())))) {
            throw new ProblemException(
                    422,
                    "Too short notice",
                    "Schedule " + schedule.id() + " needs " + schedule.minNoticeMinutes() + " minutes' notice.");
        }
        if (!schedule.calendar().offers(start)) {
            throw new ProblemException(
                    422,
                    "Not a slot",
                    "Schedule " + schedule.id() + " has no slot starting at " + Views.local(start, schedule.timeZone())
                            + " (" + schedule.timeZone() + "); search for free slots first.");
        }
        return slot;
    }

    private void checkNoException(CachedSchedule schedule, Interval slot) {
        if (!resources
                .exceptions(List.of(schedule.resourceId()), slot.start(), slot.end())
                .isEmpty()) {
            throw new ProblemException(
                    409,
                    "Resource unavailable",
                    "The practitioner or resource of schedule " + schedule.id() + " is unavailable then (leave or"
                            + " holiday).");
        }
    }

    /** The schedule's own resource and the extra rooms or devices asked for (of the schedule's hospital). */
    private List<UUID> taking(CachedSchedule schedule, Set<UUID> extra) {
        var result = new ArrayList<UUID>();
        result.add(schedule.resourceId());
        for (UUID id : extra) {
            BookableResource r = resources
                    .findByIdOptional(id)
                    .filter(x -> x.hospitalId.equals(schedule.hospitalId()) && x.kind != ResourceKind.PRACTITIONER)
                    .orElseThrow(() -> new ProblemException(
                            422,
                            "Unknown resource",
                            "resourceIds: " + id + " is not a room or device of the schedule's hospital."));
            if (!result.contains(r.id)) {
                result.add(r.id);
            }
        }
        return result;
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
