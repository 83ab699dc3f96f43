package vn.teleconsult.identity.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.platform.text.Name;

/** A user to create; {@link PasswordPolicy} decides whether the password may be used. */
public record NewUser(
        @NotBlank
                @Size(min = 3, max = 64)
                @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]*", message = "use letters, digits, '.', '_', '@' and '-'")
                String username,
        @NotBlank @Name @Size(max = 200) String fullName,
        @Email @Size(max = 254) String email,
        UUID hospitalId,
        @Name @Size(max = 100) String specialty,
        @NotEmpty Set<Role> roles,
        @NotBlank @Size(max = 1000) String password) {}
