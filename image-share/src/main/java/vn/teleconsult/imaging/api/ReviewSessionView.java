package vn.teleconsult.imaging.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A consult's review session as other modules see it; {@code state} is {@code OPEN} or {@code CLOSED}. */
public record ReviewSessionView(
        UUID id,
        UUID consultId,
        String state,
        UUID presenterUserId,
        Set<UUID> memberUserIds,
        List<String> studyUids,
        Instant openedAt,
        Instant closedAt) {
    public ReviewSessionView {
        memberUserIds = Set.copyOf(memberUserIds);
        studyUids = List.copyOf(studyUids);
    }
}
