package vn.teleconsult.scheduling.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.teleconsult.platform.text.Name;
import vn.teleconsult.scheduling.domain.ResourceKind;

/** A room or device of the caller's hospital to add. */
public record ResourceInput(@NotNull ResourceKind kind, @NotBlank @Name @Size(max = 200) String name) {}
