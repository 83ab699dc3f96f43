package vn.teleconsult.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.service.OnCallInput;
import vn.teleconsult.scheduling.service.OnCallService;
import vn.teleconsult.scheduling.service.OnCallView;

/** The on-call roster of a hub: coordinators add shifts; staff ask who is on call now. */
@Path("/api/scheduling/oncall")
@Produces(MediaType.APPLICATION_JSON)
public class OnCallResource {

    private final OnCallService onCall;
    private final CurrentActor current;

    public OnCallResource(OnCallService onCall, CurrentActor current) {
        this.onCall = onCall;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    public Response add(@Valid @NotNull OnCallInput input) {
        OnCallView created = onCall.add(current.require(), input);
        return Response.status(201).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR})
    public Map<String, Object> now(@QueryParam("hub") String hub, @QueryParam("specialty") String specialty) {
        UUID hubId = Params.uuid("hub", hub);
        if (hubId == null || specialty == null || specialty.isBlank()) {
            throw ProblemException.badRequest("hub and specialty are both needed.");
        }
        UUID who = onCall.onCallFor(current.require(), hubId, specialty, Instant.now())
                .orElseThrow(() -> ProblemException.notFound("Nobody is on call for " + specialty + " now."));
        return Map.of("practitionerId", who, "hub", hubId, "specialty", specialty);
    }
}
