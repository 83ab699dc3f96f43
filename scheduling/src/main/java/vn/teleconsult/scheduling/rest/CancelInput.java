package vn.teleconsult.scheduling.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a booking is cancelled (shown to the participants). */
public record CancelInput(@NotBlank @Size(max = 500) String reason) {}
