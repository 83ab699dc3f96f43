package vn.teleconsult.identity.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import vn.teleconsult.platform.text.Name;

/** A system client to register for a hospital, e.g. its PACS gateway. */
public record NewClient(@NotBlank @Name @Size(max = 200) String name, @NotNull UUID hospitalId) {}
