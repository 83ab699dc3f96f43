package vn.teleconsult.media.rest;

import jakarta.annotation.security.RolesAllowed;
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
import vn.teleconsult.media.api.RoomView;
import vn.teleconsult.media.service.AttendanceView;
import vn.teleconsult.media.service.GrantService;
import vn.teleconsult.media.service.JoinGrantView;
import vn.teleconsult.media.service.RoomService;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * Video rooms, opened only by the workflow that owns their consult or visit (Java API {@code VideoRooms}): seen and
 * closed by its hospitals' coordinators and system clients, joined by its participants (rules in
 * {@code MediaPolicy}; anyone else gets 404).
 */
@Path("/api/media/rooms/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {

    private final RoomService rooms;
    private final GrantService grants;
    private final CurrentActor currentActor;

    public RoomResource(RoomService rooms, GrantService grants, CurrentActor currentActor) {
        this.rooms = rooms;
        this.grants = grants;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public RoomView get(@PathParam("id") UUID id) {
        return rooms.get(currentActor.require(), id);
    }

    @DELETE
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR})
    public RoomView close(@PathParam("id") UUID id) {
        return rooms.close(currentActor.require(), id);
    }

    /** A single-use join grant for the caller, who must be a participant (and admitted, in a waiting room). */
    @POST
    @Path("grants")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public Response grant(@PathParam("id") UUID id) {
        JoinGrantView grant = grants.grant(currentActor.require(), id);
        return Response.status(201).entity(grant).build();
    }

    @GET
    @Path("attendance")
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public List<AttendanceView> attendance(@PathParam("id") UUID id) {
        return rooms.attendance(currentActor.require(), id);
    }
}
