package vn.teleconsult.identity.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.identity.domain.User;
import vn.teleconsult.platform.security.Role;

/** A user as administrators see it; never the password hash. */
public record UserView(
        UUID id,
        String username,
        String fullName,
        String email,
        UUID hospitalId,
        String specialty,
        List<Role> roles,
        boolean enabled,
        Instant createdAt,
        long version) {

    static UserView of(User u) {
        return new UserView(
                u.id,
                u.username,
                u.fullName,
                u.email,
                u.hospitalId(),
                u.specialty,
                u.roles.stream().sorted().toList(),
                u.enabled,
                u.createdAt,
                u.version);
    }
}
