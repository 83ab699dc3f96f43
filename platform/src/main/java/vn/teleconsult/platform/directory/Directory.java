package vn.teleconsult.platform.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.platform.security.Role;

/**
 * Read access to hospitals, hub links and users for every module, so that none of them reads identity's tables.
 * Implemented by consult-service (identity); a module's own tests may provide a small implementation of their own.
 */
public interface Directory {

    Optional<HospitalRef> hospital(UUID id);

    /** The hubs a satellite is linked to (empty for hubs and unknown ids). */
    List<HospitalRef> hubsOf(UUID satelliteId);

    /** Whether the satellite is linked to the hub. */
    boolean linked(UUID satelliteId, UUID hubId);

    Optional<PersonRef> person(UUID userId);

    /** Enabled users of a hospital with the role, sorted by name. */
    List<PersonRef> staff(UUID hospitalId, Role role);
}
