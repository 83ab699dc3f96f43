package vn.teleconsult.scheduling.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import vn.teleconsult.platform.text.Name;

/** A specialist of the caller's hub on call for a specialty from {@code start} to {@code end}. */
public record OnCallInput(
        @NotNull UUID practitionerId,
        @NotBlank @Name @Size(max = 100) String specialty,
        @NotNull Instant start,
        @NotNull Instant end) {}
