package vn.teleconsult.scheduling.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** CDI event fired after a booking is committed: a session or visit now takes place at this time. */
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
