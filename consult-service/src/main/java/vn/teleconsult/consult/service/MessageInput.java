package vn.teleconsult.consult.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A message to the case thread: plain text, and documents of the consult uploaded before by the author. */
public record MessageInput(@NotBlank @Size(max = 4000) String body, @Size(max = 10) List<UUID> documentIds) {}
