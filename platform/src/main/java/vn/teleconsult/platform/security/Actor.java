package vn.teleconsult.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the user (or system client) a verified token speaks for.
 *
 * @param id user id, or {@code client:<id>} for a system client
 * @param username the sign-in name
 * @param hospitalId the caller's hospital; null for network administrators and patients
 */
public record Actor(String id, String username, Set<Role> roles, UUID hospitalId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** An administrator not tied to one hospital manages the whole network. */
    public boolean isNetworkAdmin() {
        return has(Role.ADMIN) && hospitalId == null;
    }

    /** The user id as a UUID; only for people, not system clients. */
    public UUID userId() {
        return UUID.fromString(id);
    }
}
