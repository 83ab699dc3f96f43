package vn.teleconsult.imaging.dimse;

import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/** A calling application entity acting for its hospital, as an actor for access checks and the audit trail. */
final class CallingAe {

    private CallingAe() {}

    static Actor actor(String aeTitle, UUID hospitalId) {
        return new Actor("ae:" + aeTitle, aeTitle, Set.of(Role.SYSTEM), hospitalId);
    }
}
