package vn.teleconsult.scheduling.rest;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The new start of a booking, a slot of the same schedule. */
public record RescheduleInput(@NotNull Instant start) {}
