package vn.teleconsult.identity.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.security.Role;

/** The changeable fields of a user; {@code version} guards against overwriting someone else's change. */
public record UserChanges(
        @NotBlank @Size(max = 200) String fullName,
        @Email @Size(max = 254) String email,
        UUID hospitalId,
        @Size(max = 100) String specialty,
        @NotEmpty Set<Role> roles,
        Boolean enabled,
        Long version) {}
