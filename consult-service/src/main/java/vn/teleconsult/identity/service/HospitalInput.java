package vn.teleconsult.identity.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.text.Name;

/** Fields of a hospital to create or change. */
public record HospitalInput(
        @NotBlank
                @Size(max = 32)
                @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*", message = "use letters, digits, - and _")
                String code,
        @NotBlank @Name @Size(max = 200) String name,
        @NotNull HospitalKind kind,
        @Name @Size(max = 100) String province,
        @Size(max = 64) String timeZone,
        Boolean active) {}
