package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/**
 * Who may administer what: a network administrator (no hospital) everything; a hospital administrator only their own
 * hospital and its staff. Things of other hospitals answer 404, so their existence is not revealed.
 */
@ApplicationScoped
public class AdminPolicy {

    public void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only administrators may do this.");
        }
    }

    public void requireNetworkAdmin(Actor actor) {
        requireAdmin(actor);
        if (!actor.isNetworkAdmin()) {
            throw ProblemException.forbidden("Only network administrators may do this; you administer one hospital.");
        }
    }

    /** The actor administers the hospital (network administrators administer all). */
    public boolean administers(Actor actor, UUID hospitalId) {
        return actor.has(Role.ADMIN) && (actor.isNetworkAdmin() || Objects.equals(actor.hospitalId(), hospitalId));
    }

    public void requireAdminOf(Actor actor, UUID hospitalId) {
        requireAdmin(actor);
        if (!administers(actor, hospitalId)) {
            throw ProblemException.notFound("No hospital with id " + hospitalId + ".");
        }
    }
}
