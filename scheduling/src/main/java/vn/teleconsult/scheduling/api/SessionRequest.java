package vn.teleconsult.scheduling.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A consult session to hold or book in a slot of a hub schedule.
 *
 * @param consultId the consult the session belongs to (owned by the consult workflow)
 * @param scheduleId the hub specialist's CONSULT_SESSION schedule
 * @param start the slot's start (UTC)
 * @param requesterId the user asking (a satellite doctor, coordinator or specialist)
 * @param participantIds everyone who takes part and gets the invite (the requester and specialist are added)
 * @param extraResourceIds rooms or devices the session needs as well, taken together with the specialist or not at all
 * @param idempotencyKey the caller's key: the same key answers the same booking instead of a second one (may be null)
 */
public record SessionRequest(
        UUID consultId,
        UUID scheduleId,
        Instant start,
        VisitMode mode,
        UUID requesterId,
        Set<UUID> participantIds,
        Set<UUID> extraResourceIds,
        String idempotencyKey) {

    public SessionRequest {
        Objects.requireNonNull(consultId, "consultId");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(requesterId, "requesterId");
        participantIds = participantIds == null ? Set.of() : Set.copyOf(participantIds);
        extraResourceIds = extraResourceIds == null ? Set.of() : Set.copyOf(extraResourceIds);
    }
}
