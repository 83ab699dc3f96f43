package vn.teleconsult.identity.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.platform.text.Name;

/** The changeable fields of a user; {@code version} guards against overwriting someone else's change. */
public record UserChanges(
        @NotBlank @Name @Size(max = 200) String fullName,
        @Email @Size(max = 254) String email,
        UUID hospitalId,
        @Name @Size(max = 100) String specialty,
        @NotEmpty Set<Role> roles,
        Boolean enabled,
        Long version) {}
