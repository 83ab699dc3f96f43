package vn.teleconsult.consult.service;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Consent to record the running session: every member who consented, and when (all members must have). */
public record RecordingInput(@NotEmpty @Size(max = 50) Set<UUID> consentedBy, @NotNull Instant consentedAt) {}
