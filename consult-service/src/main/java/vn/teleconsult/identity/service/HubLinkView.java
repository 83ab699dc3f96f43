package vn.teleconsult.identity.service;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A link from a satellite to a hub it sends consults to; {@code id} is derived from the pair, so it is stable.
 *
 * @param active whether both hospitals are active
 */
public record HubLinkView(UUID id, UUID satelliteId, UUID hubId, boolean active) {

    static HubLinkView of(UUID satelliteId, UUID hubId, boolean active) {
        return new HubLinkView(idOf(satelliteId, hubId), satelliteId, hubId, active);
    }

    /** The link's stable id: a name-based UUID of the satellite and hub. */
    public static UUID idOf(UUID satelliteId, UUID hubId) {
        return UUID.nameUUIDFromBytes(("hub-link:" + satelliteId + ":" + hubId).getBytes(StandardCharsets.UTF_8));
    }
}
