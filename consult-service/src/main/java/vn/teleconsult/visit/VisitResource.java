package vn.teleconsult.visit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** Joining a patient's video visit, as the patient or as the doctor who sees them. */
@Path("/api/visits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PATIENT, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.COORDINATOR})
public class VisitResource {

    private final VisitRoomService visits;
    private final CurrentActor current;

    public VisitResource(VisitRoomService visits, CurrentActor current) {
        this.visits = visits;
        this.current = current;
    }

    @POST
    @Path("/{bookingId}/join")
    public VisitJoinView join(@PathParam("bookingId") UUID bookingId) {
        return visits.join(current.require(), bookingId);
    }
}
