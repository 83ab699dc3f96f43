package vn.teleconsult.identity.service;

import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.security.Role;

/** What sign-in needs to know of a user. */
public record Account(
        UUID id, String username, String passwordHash, boolean enabled, Set<Role> roles, UUID hospitalId) {}
