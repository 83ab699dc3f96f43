package vn.teleconsult.consult.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.Urgency;
import vn.teleconsult.consult.domain.WorklistFilter;
import vn.teleconsult.consult.service.ConsultInput;
import vn.teleconsult.consult.service.ConsultService;
import vn.teleconsult.consult.service.ConsultView;
import vn.teleconsult.consult.service.TransitionInput;
import vn.teleconsult.consult.service.Worklist;
import vn.teleconsult.consult.service.WorklistService;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** Consult requests: create and edit drafts, read, move through the workflow, and the caller's worklist. */
@Path("/api/consults")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class ConsultResource {

    private final ConsultService consults;
    private final WorklistService worklists;
    private final CurrentActor current;

    public ConsultResource(ConsultService consults, WorklistService worklists, CurrentActor current) {
        this.consults = consults;
        this.worklists = worklists;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SATELLITE_DOCTOR)
    public Response create(@Valid @NotNull ConsultInput input) {
        ConsultView created = consults.create(current.require(), input);
        return Response.created(URI.create("/api/consults/" + created.id()))
                .entity(created)
                .build();
    }

    /** The caller's worklist: hub queue (coordinator), own cases (specialist) or sent cases (satellite doctor). */
    @GET
    public Worklist worklist(
            @QueryParam("state") String state,
            @QueryParam("urgency") String urgency,
            @QueryParam("specialty") String specialty,
            @QueryParam("overdue") String overdue,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        var filter = new WorklistFilter(
                Params.enumValue("state", state, ConsultState.class),
                Params.enumValue("urgency", urgency, Urgency.class),
                specialty == null || specialty.isBlank() ? null : specialty.strip(),
                bool("overdue", overdue));
        return worklists.list(current.require(), filter, offset, limit);
    }

    @GET
    @Path("{id}")
    public ConsultView get(@PathParam("id") String id) {
        return consults.get(current.require(), Params.uuid("id", id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SATELLITE_DOCTOR)
    public ConsultView update(
            @PathParam("id") String id, @QueryParam("version") Long version, @Valid @NotNull ConsultInput input) {
        return consults.update(current.require(), Params.uuid("id", id), input, version);
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsultView transition(@PathParam("id") String id, @Valid @NotNull TransitionInput input) {
        return consults.transition(current.require(), Params.uuid("id", id), input);
    }

    /** Adds a study of the requesting hospital's image store: {@code {"studyUid": "1.2.3"}}. */
    @POST
    @Path("{id}/studies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SATELLITE_DOCTOR)
    public ConsultView addStudy(@PathParam("id") String id, @Valid @NotNull StudyInput input) {
        return consults.addStudy(current.require(), Params.uuid("id", id), input.studyUid());
    }

    /** A study to attach. */
    public record StudyInput(@NotNull @jakarta.validation.constraints.Size(min = 1, max = 64) String studyUid) {}

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name + ": true or false.");
        };
    }
}
