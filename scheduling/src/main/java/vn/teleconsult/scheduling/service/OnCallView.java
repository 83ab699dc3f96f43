package vn.teleconsult.scheduling.service;

import java.time.Instant;
import java.util.UUID;

/** An on-call shift. */
public record OnCallView(UUID id, UUID hospitalId, String specialty, UUID practitionerId, Instant start, Instant end) {}
