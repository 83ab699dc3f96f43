package vn.teleconsult.scheduling.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * CDI event: a session or visit is booked (or moved) to this time. Fired inside the booking's transaction; observe it
 * with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once the booking is committed.
 */
public record BookingConfirmed(
        UUID bookingId,
        BookingKind kind,
        UUID consultId,
        Instant start,
        Instant end,
        boolean rescheduled,
        Set<UUID> participantIds) {

    public BookingConfirmed {
        participantIds = Set.copyOf(participantIds);
    }
}
