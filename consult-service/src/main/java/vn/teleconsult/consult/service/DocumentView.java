package vn.teleconsult.consult.service;

import java.time.Instant;
import java.util.UUID;

/** A consult document's description (never its content). */
public record DocumentView(
        UUID id,
        UUID messageId,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        UUID uploadedBy,
        Instant uploadedAt) {

    static DocumentView of(vn.teleconsult.consult.repository.DocumentRepository.Meta m) {
        return new DocumentView(
                m.id(),
                m.messageId(),
                m.fileName(),
                m.mediaType(),
                m.sizeBytes(),
                m.sha256(),
                m.uploadedBy(),
                m.uploadedAt());
    }
}
