package vn.teleconsult.media.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.teleconsult.media.service.GrantService;
import vn.teleconsult.media.service.LobbyView;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** The waiting room of a video visit: patients enter it, the hosting doctor sees who waits and admits them. */
@Path("/api/media/rooms/{id}/lobby")
@Produces(MediaType.APPLICATION_JSON)
public class LobbyResource {

    private final GrantService grants;
    private final CurrentActor currentActor;

    public LobbyResource(GrantService grants, CurrentActor currentActor) {
        this.grants = grants;
        this.currentActor = currentActor;
    }

    /** Enter the waiting room; 202 while waiting, 200 once admitted (then ask for a grant). */
    @POST
    @RolesAllowed(Roles.PATIENT)
    public Response enter(@PathParam("id") UUID id) {
        boolean admitted = grants.enterLobby(currentActor.require(), id);
        return Response.status(admitted ? 200 : 202)
                .entity(Map.of("admitted", admitted))
                .build();
    }

    @GET
    @RolesAllowed({Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR})
    public List<LobbyView> waiting(@PathParam("id") UUID id) {
        return grants.lobby(currentActor.require(), id);
    }

    @POST
    @Path("{userId}/admit")
    @RolesAllowed({Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR})
    public Response admit(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        grants.admit(currentActor.require(), id, userId);
        return Response.noContent().build();
    }
}
