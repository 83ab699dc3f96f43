package vn.teleconsult.consult.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.teleconsult.consult.service.TurnaroundStats;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** Consult turnaround per hub and satellite for administrators (default: the last 30 days). */
@Path("/api/admin/consults/turnaround")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TurnaroundResource {

    private final TurnaroundStats stats;
    private final CurrentActor current;

    public TurnaroundResource(TurnaroundStats stats, CurrentActor current) {
        this.stats = stats;
        this.current = current;
    }

    @GET
    public List<TurnaroundStats.Row> get(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = to == null ? Instant.now() : Params.instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : Params.instant("from", from);
        return stats.compute(current.require(), start, end);
    }
}
