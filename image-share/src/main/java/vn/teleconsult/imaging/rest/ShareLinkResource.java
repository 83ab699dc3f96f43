package vn.teleconsult.imaging.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import vn.teleconsult.imaging.service.ShareLinks;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** Coordinators create and revoke expiring read-only links to one de-identified study for an outside reader. */
@Path("/api/imaging/share-links")
@RolesAllowed(Roles.COORDINATOR)
public class ShareLinkResource {

    /** What to share with whom, for how long. */
    public record ShareRequest(String studyUid, String readerName, Integer expiresInHours) {}

    /** The created link; the URL holds the only copy of its token. */
    public record ShareView(String id, String url, String studyUid, Instant expiresAt) {}

    private final ShareLinks links;
    private final CurrentActor actor;

    public ShareLinkResource(ShareLinks links, CurrentActor actor) {
        this.links = links;
        this.actor = actor;
    }

    @POST
    public Response create(ShareRequest request) {
        if (request == null || request.studyUid() == null || request.expiresInHours() == null) {
            throw ProblemException.badRequest("Give studyUid, readerName and expiresInHours.");
        }
        var created = links.create(
                actor.require(),
                request.studyUid().trim(),
                request.readerName(),
                Duration.ofHours(request.expiresInHours()));
        return Response.status(201)
                .entity(new ShareView(
                        created.id().toString(), "/share/" + created.token(), created.studyUid(), created.expiresAt()))
                .build();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        links.revoke(actor.require(), Params.uuid("id", id));
        return Response.noContent().build();
    }
}
