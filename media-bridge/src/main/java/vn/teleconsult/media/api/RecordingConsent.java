package vn.teleconsult.media.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Recorded consent to record a video session, as the caller (the consult workflow, scheduling) collected it: every
 * participant of the room must be named, because everyone who joins is recorded.
 *
 * @param consentedBy the user ids who consented; must be exactly the room's participants
 * @param consentedAt when they consented; not in the future
 */
public record RecordingConsent(Set<UUID> consentedBy, Instant consentedAt) {}
