package vn.teleconsult.consult.domain;

import java.time.Instant;
import java.util.UUID;

/** A consult document's description (never its content), as stored and as shown. */
public record DocumentInfo(
        UUID id,
        UUID messageId,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        UUID uploadedBy,
        Instant uploadedAt) {}
