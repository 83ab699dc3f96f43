package vn.teleconsult.imaging.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import vn.teleconsult.imaging.api.ReviewSessionView;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.imaging.service.ReviewSessionService;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * A member looks up the review session of a consult to find the WebSocket to connect to; anyone else gets 404
 * (audited). Sessions are opened and changed only by the consult workflow, through {@link ReviewSessions}, with the
 * consult's own participants: there is deliberately no REST call that opens one or adds members or studies.
 */
@Path("/api/imaging/review-sessions")
public class ReviewSessionResource {

    /** A session with the path of its WebSocket. */
    public record SessionAnswer(ReviewSessionView session, String socketPath) {}

    private final ReviewSessionService sessions;
    private final CurrentActor actor;

    public ReviewSessionResource(ReviewSessionService sessions, CurrentActor actor) {
        this.sessions = sessions;
        this.actor = actor;
    }

    @GET
    @Path("/{consultId}")
    @RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.HUB_SPECIALIST, Roles.COORDINATOR})
    public SessionAnswer find(@PathParam("consultId") String consultId) {
        var view = sessions.findForMember(actor.require(), Params.uuid("consultId", consultId));
        return new SessionAnswer(view, ReviewSessions.SOCKET_PATH + view.consultId());
    }
}
