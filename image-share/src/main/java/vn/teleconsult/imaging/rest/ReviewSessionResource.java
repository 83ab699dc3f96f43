package vn.teleconsult.imaging.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.imaging.api.OpenReviewSession;
import vn.teleconsult.imaging.api.ReviewSessionView;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.imaging.service.ReviewSessionService;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * Review sessions over REST: systems and coordinators open one for a consult (sharing studies they may read); members
 * look theirs up to find the WebSocket to connect to. The consult workflow uses {@link ReviewSessions} directly.
 */
@Path("/api/imaging/review-sessions")
public class ReviewSessionResource {

    /** What to open: as {@link OpenReviewSession}, with ids as text so that bad ones get a clear 400. */
    public record OpenRequest(
            String consultId, Set<String> memberUserIds, String presenterUserId, List<String> studyUids) {}

    /** A session with the path of its WebSocket. */
    public record SessionAnswer(ReviewSessionView session, String socketPath) {}

    private final ReviewSessionService sessions;
    private final CurrentActor actor;

    public ReviewSessionResource(ReviewSessionService sessions, CurrentActor actor) {
        this.sessions = sessions;
        this.actor = actor;
    }

    @POST
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR})
    public Response open(OpenRequest request) {
        if (request == null || request.consultId() == null || request.presenterUserId() == null) {
            throw ProblemException.badRequest("Give consultId, memberUserIds, presenterUserId and studyUids.");
        }
        var members = request.memberUserIds() == null
                ? Set.<UUID>of()
                : request.memberUserIds().stream()
                        .map(id -> Params.uuid("memberUserIds", id))
                        .collect(java.util.stream.Collectors.toSet());
        var view = sessions.open(
                actor.require(),
                new OpenReviewSession(
                        Params.uuid("consultId", request.consultId()),
                        members,
                        Params.uuid("presenterUserId", request.presenterUserId()),
                        request.studyUids()));
        return Response.status(201).entity(answer(view)).build();
    }

    @GET
    @Path("/{consultId}")
    @RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.HUB_SPECIALIST, Roles.COORDINATOR})
    public SessionAnswer find(@PathParam("consultId") String consultId) {
        return answer(sessions.findForMember(actor.require(), Params.uuid("consultId", consultId)));
    }

    private static SessionAnswer answer(ReviewSessionView view) {
        return new SessionAnswer(view, ReviewSessions.SOCKET_PATH + view.consultId());
    }
}
