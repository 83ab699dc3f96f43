package vn.teleconsult.identity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.identity.service.HospitalInput;
import vn.teleconsult.identity.service.HospitalService;
import vn.teleconsult.identity.service.HospitalView;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** Administration of hospitals and of the links from satellites to hubs. */
@Path("/api/admin/hospitals")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class HospitalAdminResource {

    private final HospitalService hospitals;
    private final CurrentActor current;

    public HospitalAdminResource(HospitalService hospitals, CurrentActor current) {
        this.hospitals = hospitals;
        this.current = current;
    }

    @GET
    public List<HospitalView> list() {
        return hospitals.list(current.require());
    }

    @GET
    @Path("/{id}")
    public HospitalView get(@PathParam("id") UUID id) {
        return hospitals.get(current.require(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull HospitalInput input) {
        var created = hospitals.create(current.require(), input);
        return Response.created(URI.create("/api/admin/hospitals/" + created.id()))
                .entity(created)
                .build();
    }

    /** Changes a hospital; send the version you read in {@code If-Match} to avoid overwriting another change. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HospitalView update(
            @PathParam("id") UUID id, @Valid @NotNull HospitalInput input, @HeaderParam("If-Match") Long version) {
        return hospitals.update(current.require(), id, input, version);
    }

    @PUT
    @Path("/{id}/hubs/{hubId}")
    public HospitalView link(@PathParam("id") UUID id, @PathParam("hubId") UUID hubId) {
        return hospitals.link(current.require(), id, hubId);
    }

    @DELETE
    @Path("/{id}/hubs/{hubId}")
    public HospitalView unlink(@PathParam("id") UUID id, @PathParam("hubId") UUID hubId) {
        return hospitals.unlink(current.require(), id, hubId);
    }
}
