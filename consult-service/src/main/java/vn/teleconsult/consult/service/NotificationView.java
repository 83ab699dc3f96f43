package vn.teleconsult.consult.service;

import java.time.Instant;
import java.util.UUID;

/** A notification for the caller about one consult. */
public record NotificationView(UUID id, UUID consultId, String kind, Instant createdAt, Instant readAt) {}
