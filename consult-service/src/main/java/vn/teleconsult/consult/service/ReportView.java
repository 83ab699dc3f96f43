package vn.teleconsult.consult.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consult's report with its addenda; {@code signedAt} set means it can no longer change. */
public record ReportView(
        UUID consultId,
        long version,
        String findings,
        String assessment,
        String conclusions,
        String recommendations,
        String freeText,
        UUID authorId,
        UUID signedBy,
        Instant signedAt,
        List<Addendum> addenda) {

    /** One addendum. */
    public record Addendum(UUID id, String body, UUID authorId, Instant createdAt) {}
}
