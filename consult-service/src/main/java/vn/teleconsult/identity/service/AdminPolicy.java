package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Set;
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

    /** Who reads the directory of their own and linked hospitals: clinical staff and system clients. */
    private static final Set<Role> DIRECTORY_READERS =
            Set.of(Role.COORDINATOR, Role.HUB_SPECIALIST, Role.SATELLITE_DOCTOR, Role.SYSTEM);

    private final HubLinks hubLinks;

    public AdminPolicy(HubLinks hubLinks) {
        this.hubLinks = hubLinks;
    }

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

    /**
     * Whether the actor may read a hospital's directory entry (the hospital, its hub links, its clinical staff): a
     * network administrator every hospital, a hospital administrator their own (as {@code /api/admin/hospitals}),
     * clinical staff and system clients their own hospital and the hospitals linked to it (a satellite's hubs, a
     * hub's satellites), whom they send consults to or receive them from; patients none.
     */
    public boolean readsDirectoryOf(Actor actor, UUID hospitalId) {
        if (hospitalId == null) {
            return false;
        }
        if (actor.has(Role.ADMIN)) {
            return administers(actor, hospitalId);
        }
        UUID own = actor.hospitalId();
        if (own == null || DIRECTORY_READERS.stream().noneMatch(actor::has)) {
            return false;
        }
        return own.equals(hospitalId) || hubLinks.linked(own, hospitalId) || hubLinks.linked(hospitalId, own);
    }
}
