package vn.teleconsult.scheduling.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A time when a resource is unavailable whatever its rules say (leave, holiday, maintenance). */
public record ExceptionInput(@NotNull Instant start, @NotNull Instant end, @NotBlank @Size(max = 500) String reason) {}
