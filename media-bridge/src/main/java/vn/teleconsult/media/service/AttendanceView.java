package vn.teleconsult.media.service;

import java.time.Instant;
import java.util.UUID;

/** One stay of one user in a room. */
public record AttendanceView(UUID userId, Instant joinedAt, Instant leftAt, boolean published, String mediaState) {}
