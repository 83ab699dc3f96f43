package vn.teleconsult.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.service.ExceptionInput;
import vn.teleconsult.scheduling.service.ResourceInput;
import vn.teleconsult.scheduling.service.ResourceView;
import vn.teleconsult.scheduling.service.RuleInput;
import vn.teleconsult.scheduling.service.ScheduleInput;
import vn.teleconsult.scheduling.service.ScheduleService;
import vn.teleconsult.scheduling.service.ScheduleView;

/** Schedules, their availability rules, rooms and devices, and exceptions, managed by a hospital's staff. */
@Path("/api/scheduling")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    private final ScheduleService schedules;
    private final CurrentActor current;

    public ScheduleResource(ScheduleService schedules, CurrentActor current) {
        this.schedules = schedules;
        this.current = current;
    }

    @POST
    @Path("/schedules")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST})
    public Response create(@Valid @NotNull ScheduleInput input) {
        ScheduleView created = schedules.create(current.require(), input);
        return Response.created(URI.create("/api/scheduling/schedules/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/schedules")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.ADMIN})
    public List<ScheduleView> list(@QueryParam("hospital") String hospital) {
        return schedules.ofHospital(current.require(), Params.uuid("hospital", hospital));
    }

    @GET
    @Path("/schedules/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.ADMIN})
    public ScheduleView get(@PathParam("id") UUID id) {
        return schedules.get(current.require(), id);
    }

    @POST
    @Path("/schedules/{id}/rules")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST})
    public ScheduleView addRule(@PathParam("id") UUID id, @Valid @NotNull RuleInput input) {
        return schedules.addRule(current.require(), id, input);
    }

    @POST
    @Path("/resources")
    @RolesAllowed(Roles.COORDINATOR)
    public Response createResource(@Valid @NotNull ResourceInput input) {
        ResourceView created = schedules.createResource(current.require(), input);
        return Response.status(201).entity(created).build();
    }

    @POST
    @Path("/resources/{id}/exceptions")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST})
    public Response addException(@PathParam("id") UUID id, @Valid @NotNull ExceptionInput input) {
        schedules.addException(current.require(), id, input);
        return Response.noContent().build();
    }
}
