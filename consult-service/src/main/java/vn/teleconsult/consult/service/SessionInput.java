package vn.teleconsult.consult.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * How to book the consult's session: a slot ({@code scheduleId} + {@code start}) of the assigned specialist's
 * schedule, or {@code urgent} now with the specialist on call for {@code minutes}.
 */
public record SessionInput(
        UUID scheduleId,
        Instant start,
        boolean urgent,
        @Min(10) @Max(240) Integer minutes,
        @Size(max = 100) String idempotencyKey,
        Long version) {}
