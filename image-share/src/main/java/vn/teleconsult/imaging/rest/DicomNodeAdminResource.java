package vn.teleconsult.imaging.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.imaging.service.DicomNodeAdmin;
import vn.teleconsult.imaging.service.DicomNodeAdmin.EchoResult;
import vn.teleconsult.imaging.service.DicomNodeAdmin.NodeInput;
import vn.teleconsult.imaging.service.DicomNodes.Node;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** Administration of DICOM nodes (callers we accept, hospital PACS we query) with a C-ECHO connection test. */
@Path("/api/admin/dicom-nodes")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DicomNodeAdminResource {

    private final DicomNodeAdmin admin;
    private final CurrentActor current;

    public DicomNodeAdminResource(DicomNodeAdmin admin, CurrentActor current) {
        this.admin = admin;
        this.current = current;
    }

    @GET
    public List<Node> list(@QueryParam("hospital") String hospital) {
        return admin.list(current.require(), Params.uuid("hospital", hospital));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NodeInput input) {
        Node created = admin.create(current.require(), input);
        return Response.created(URI.create("/api/admin/dicom-nodes/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Node update(@PathParam("id") UUID id, NodeInput input) {
        return admin.update(current.require(), id, input);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        admin.delete(current.require(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/echo")
    public EchoResult echo(@PathParam("id") UUID id) {
        return admin.echo(current.require(), id);
    }
}
