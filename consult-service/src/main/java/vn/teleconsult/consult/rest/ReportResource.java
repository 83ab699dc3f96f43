package vn.teleconsult.consult.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.teleconsult.consult.service.AddendumInput;
import vn.teleconsult.consult.service.ReportInput;
import vn.teleconsult.consult.service.ReportService;
import vn.teleconsult.consult.service.ReportView;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** The consult's report: write, sign, add addenda, read, and export as PDF. */
@Path("/api/consults/{id}/report")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class ReportResource {

    private final ReportService reports;
    private final CurrentActor current;

    public ReportResource(ReportService reports, CurrentActor current) {
        this.reports = reports;
        this.current = current;
    }

    @GET
    public ReportView get(@PathParam("id") String id) {
        return reports.get(current.require(), Params.uuid("id", id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HUB_SPECIALIST)
    public ReportView save(@PathParam("id") String id, @Valid @NotNull ReportInput input) {
        return reports.save(current.require(), Params.uuid("id", id), input);
    }

    @POST
    @Path("sign")
    @RolesAllowed(Roles.HUB_SPECIALIST)
    public ReportView sign(@PathParam("id") String id, @QueryParam("version") Long version) {
        return reports.sign(current.require(), Params.uuid("id", id), version);
    }

    @POST
    @Path("addenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HUB_SPECIALIST)
    public Response addendum(@PathParam("id") String id, @Valid @NotNull AddendumInput input) {
        return Response.status(201)
                .entity(reports.addendum(current.require(), Params.uuid("id", id), input))
                .build();
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        var uuid = Params.uuid("id", id);
        return Response.ok(reports.pdf(current.require(), uuid), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"bien-ban-hoi-chan-" + uuid + ".pdf\"")
                .build();
    }
}
