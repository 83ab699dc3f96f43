package vn.teleconsult.imaging.api;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Lets the consult workflow open the live review session of a consult: the studies shared into it, who may connect
 * (by WebSocket at {@value #SOCKET_PATH}{consultId}), and who presents first. Access to the session's studies is
 * granted to its members as with {@link StudyAccess#grant}.
 */
public interface ReviewSessions {

    /** Path prefix of the review WebSocket; the consult id follows, the bearer token comes as {@code access_token}. */
    String SOCKET_PATH = "/api/imaging/review/";

    /** Opens the consult's review session, or answers the one already open (then adding the given studies). */
    ReviewSessionView open(OpenReviewSession request);

    /** Shares one more study into the consult's open session; connected members see it arrive. */
    ReviewSessionView share(UUID consultId, String studyUid);

    /** Replaces who may connect (e.g. when another specialist is assigned); removed members are disconnected. */
    ReviewSessionView members(UUID consultId, Set<UUID> userIds);

    /** Ends the session; connected members are told and disconnected. Closing a closed session changes nothing. */
    void close(UUID consultId);

    Optional<ReviewSessionView> find(UUID consultId);
}
