package vn.teleconsult.media.api;

import java.util.Set;
import java.util.UUID;

/**
 * What the workflow that owns a consult session or visit asks for when the session starts: a room for it, the users
 * who may join, and the hospitals it belongs to. Only that workflow opens rooms (there is no REST path to open one).
 *
 * @param kind {@code CONSULT} or {@code VISIT}
 * @param referenceId the consult or appointment id; one live room per reference
 * @param participants user ids allowed to join (the host included)
 * @param hostUserId the doctor who admits patients from the waiting room; required when {@code waitingRoom}
 * @param waitingRoom patients wait in a lobby until the host admits them one by one
 * @param hospitals the hospitals of the reference (a consult: its requesting satellite and its hub; a visit: the
 *     booking's hospital); their coordinators and system clients may see and close the room, nobody else's may
 */
public record OpenRoom(
        String kind,
        UUID referenceId,
        Set<UUID> participants,
        UUID hostUserId,
        boolean waitingRoom,
        Set<UUID> hospitals) {}
