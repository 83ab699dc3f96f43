package vn.teleconsult.media.service;

import java.time.Instant;
import java.util.UUID;

/** A patient waiting in a visit's lobby. */
public record LobbyView(UUID userId, Instant waitingSince) {}
