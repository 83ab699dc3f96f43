package vn.teleconsult.scheduling.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** An URGENT consult session with whoever is on call now at the hub for the specialty, without a slot. */
public record UrgentSessionRequest(
        UUID consultId, UUID hubId, String specialty, Duration length, UUID requesterId, Set<UUID> participantIds) {

    public UrgentSessionRequest {
        Objects.requireNonNull(consultId, "consultId");
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(requesterId, "requesterId");
        participantIds = participantIds == null ? Set.of() : Set.copyOf(participantIds);
    }
}
