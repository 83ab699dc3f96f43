package vn.teleconsult.media.service;

import java.util.Set;
import java.util.UUID;

/**
 * A message for participants' open WebSockets, fired after the transaction that caused it commits.
 *
 * @param type {@code reconnect} (the room moved: ask for a new grant and join again), {@code admitted} (the host let
 *     the patient in), {@code closed} (the session ended)
 */
public record ParticipantNotice(String type, UUID roomId, Set<UUID> userIds) {}
