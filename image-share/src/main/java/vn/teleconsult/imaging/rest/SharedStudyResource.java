package vn.teleconsult.imaging.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import vn.teleconsult.imaging.service.ShareLinks;

/** What an outside reader opens with a share link: the de-identified study's metadata and files, read-only. */
@Path("/share/{token}")
@PermitAll
@Blocking
public class SharedStudyResource {

    private final ShareLinks links;

    public SharedStudyResource(ShareLinks links) {
        this.links = links;
    }

    @GET
    @Path("/metadata")
    @Produces("application/dicom+json")
    public String metadata(@PathParam("token") String token) {
        return links.metadata(token);
    }

    @GET
    @Path("/instances/{instance}")
    @Produces("application/dicom")
    public Response instance(@PathParam("token") String token, @PathParam("instance") String instance) {
        var file = links.instance(token, instance);
        return Response.ok(file.file().toFile()).type("application/dicom").build();
    }
}
