package vn.teleconsult.media.api;

import java.util.Set;
import java.util.UUID;

/**
 * What a caller (the consult workflow, scheduling's video visits) asks for when a session starts: a room for this
 * consult session or visit, and the users who may join it.
 *
 * @param kind {@code CONSULT} or {@code VISIT}
 * @param referenceId the consult session or appointment id; one live room per reference
 * @param participants user ids allowed to join (the host included)
 * @param hostUserId the doctor who admits patients from the waiting room; required when {@code waitingRoom}
 * @param waitingRoom patients wait in a lobby until the host admits them one by one
 */
public record OpenRoom(String kind, UUID referenceId, Set<UUID> participants, UUID hostUserId, boolean waitingRoom) {}
