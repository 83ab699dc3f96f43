package vn.teleconsult.imaging.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A review session to open for a consult.
 *
 * @param consultId the consult it belongs to (owned by the consult workflow); one open session per consult
 * @param memberUserIds users who may connect and view the session's studies
 * @param presenterUserId the member who presents first (may hand over later)
 * @param studyUids the studies shared into the session (StudyInstanceUIDs; may be empty and grow later)
 */
public record OpenReviewSession(UUID consultId, Set<UUID> memberUserIds, UUID presenterUserId, List<String> studyUids) {
    public OpenReviewSession {
        Objects.requireNonNull(consultId, "consultId");
        Objects.requireNonNull(presenterUserId, "presenterUserId");
        memberUserIds = memberUserIds == null ? Set.of() : Set.copyOf(memberUserIds);
        studyUids = studyUids == null ? List.of() : List.copyOf(studyUids);
    }
}
