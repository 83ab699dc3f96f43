package vn.teleconsult.consult.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import vn.teleconsult.consult.domain.ConsultState;

/**
 * A requested change of state: {@code to} the next state, the specialist when assigning, a reason when declining or
 * cancelling, and optionally the {@code version} the caller last saw (refused with 409 if the consult changed since).
 */
public record TransitionInput(
        @NotNull ConsultState to, UUID specialistId, @Size(max = 2000) String reason, Long version) {}
