package vn.teleconsult.scheduling.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.scheduling.api.VisitMode;

/**
 * A request to hold or book the slot starting at {@code start} of a schedule. {@code holdId} confirms an earlier hold;
 * {@code consultId} and {@code participantIds} are for consult sessions; {@code reasonCode} (ICD-10) for patient
 * visits; {@code resourceIds} are rooms or devices needed as well.
 */
public record BookingInput(
        @NotNull UUID scheduleId,
        @NotNull Instant start,
        @NotNull VisitMode mode,
        UUID holdId,
        UUID consultId,
        @Size(max = 20) Set<UUID> participantIds,
        @Size(max = 10) Set<UUID> resourceIds,
        @Pattern(regexp = "[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?", message = "must be an ICD-10 code such as E11.9")
                String reasonCode) {}
