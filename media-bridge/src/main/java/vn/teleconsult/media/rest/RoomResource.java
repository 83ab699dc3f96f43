package vn.teleconsult.media.rest;

import jakarta.annotation.security.RolesAllowed;
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
import vn.teleconsult.media.api.OpenRoom;
import vn.teleconsult.media.api.RoomView;
import vn.teleconsult.media.service.AttendanceView;
import vn.teleconsult.media.service.GrantService;
import vn.teleconsult.media.service.JoinGrantView;
import vn.teleconsult.media.service.RoomService;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.platform.security.Roles;

/** Video rooms: opened by systems (the consult workflow, scheduling) and coordinators, joined by participants. */
@Path("/api/media/rooms")
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR})
    public Response open(OpenRoom request) {
        RoomView room = rooms.open(request);
        return Response.status(201).entity(room).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public RoomView get(@PathParam("id") UUID id) {
        Actor actor = currentActor.require();
        return rooms.get(id, person(actor), actor.has(Role.SYSTEM));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR})
    public RoomView close(@PathParam("id") UUID id) {
        return rooms.close(id);
    }

    /** A single-use join grant for the caller, who must be a participant (and admitted, in a waiting room). */
    @POST
    @Path("{id}/grants")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public Response grant(@PathParam("id") UUID id) {
        JoinGrantView grant = grants.grant(id, person(currentActor.require()));
        return Response.status(201).entity(grant).build();
    }

    @GET
    @Path("{id}/attendance")
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public List<AttendanceView> attendance(@PathParam("id") UUID id) {
        Actor actor = currentActor.require();
        return rooms.attendance(id, person(actor), actor.has(Role.SYSTEM));
    }

    /** The caller's user id; system clients have none and act for the whole room. */
    static UUID person(Actor actor) {
        if (actor.has(Role.SYSTEM)) {
            return new UUID(0, 0);
        }
        try {
            return actor.userId();
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("Only users take part in video sessions.");
        }
    }
}
