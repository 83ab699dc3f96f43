package vn.teleconsult.identity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.identity.service.ClientService;
import vn.teleconsult.identity.service.ClientView;
import vn.teleconsult.identity.service.NewClient;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** Administration of system clients (client_credentials), such as a hospital's PACS gateway. */
@Path("/api/admin/clients")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ClientAdminResource {

    private final ClientService clients;
    private final CurrentActor current;

    public ClientAdminResource(ClientService clients, CurrentActor current) {
        this.clients = clients;
        this.current = current;
    }

    @GET
    public List<ClientView> list() {
        return clients.list(current.require());
    }

    /** Registers a client; the answer holds its secret, shown this once only. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewClient input) {
        return Response.status(Response.Status.CREATED)
                .entity(clients.create(current.require(), input))
                .build();
    }

    @DELETE
    @Path("/{id}")
    public Response disable(@PathParam("id") UUID id) {
        clients.disable(current.require(), id);
        return Response.noContent().build();
    }
}
