package vn.teleconsult.scheduling.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A consult session's booking as other modules see it; times in UTC with the schedule's time zone beside them. */
public record SessionBooking(
        UUID id,
        UUID consultId,
        BookingStatus status,
        Instant start,
        Instant end,
        String timeZone,
        UUID practitionerId,
        boolean urgent,
        Set<UUID> participantIds) {

    public SessionBooking {
        participantIds = Set.copyOf(participantIds);
    }
}
