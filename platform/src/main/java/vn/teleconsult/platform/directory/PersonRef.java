package vn.teleconsult.platform.directory;

import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.security.Role;

/**
 * A user as other modules may know them: enough to show a name, send a notification and check a role or hospital.
 *
 * @param hospitalId null for network administrators and patients
 */
public record PersonRef(
        UUID id,
        String username,
        String fullName,
        String email,
        Set<Role> roles,
        UUID hospitalId,
        String specialty,
        boolean enabled) {

    public PersonRef {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
