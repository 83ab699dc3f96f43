package vn.teleconsult.identity.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A system client; {@code clientSecret} is present only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(
        UUID id,
        String clientId,
        String name,
        UUID hospitalId,
        boolean enabled,
        Instant createdAt,
        String clientSecret) {}
