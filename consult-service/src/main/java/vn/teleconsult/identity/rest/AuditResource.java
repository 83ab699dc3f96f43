package vn.teleconsult.identity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.teleconsult.identity.service.AuditReader;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditFilter;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditSearch;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** Search of the audit trail for administrators, newest first. */
@Path("/api/admin/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditReader reader;
    private final CurrentActor current;

    public AuditResource(AuditReader reader, CurrentActor current) {
        this.reader = reader;
        this.current = current;
    }

    @GET
    public AuditSearch.Result search(
            @QueryParam("actorId") String actorId,
            @QueryParam("hospitalId") String hospitalId,
            @QueryParam("patient") String patient,
            @QueryParam("resourceType") String resourceType,
            @QueryParam("resourceId") String resourceId,
            @QueryParam("action") String action,
            @QueryParam("outcome") String outcome,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        var filter = new AuditFilter(
                actorId,
                Params.uuid("hospitalId", hospitalId),
                patient,
                resourceType,
                resourceId,
                Params.enumValue("action", action, AuditAction.class),
                Params.enumValue("outcome", outcome, AuditOutcome.class),
                Params.instant("from", from),
                Params.instant("to", to));
        return reader.search(current.require(), filter, offset, limit);
    }
}
