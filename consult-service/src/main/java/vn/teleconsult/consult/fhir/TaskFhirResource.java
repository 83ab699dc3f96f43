package vn.teleconsult.consult.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import vn.teleconsult.consult.domain.WorklistFilter;
import vn.teleconsult.consult.service.ConsultService;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** FHIR R4 Task: a consult's progress (requested, accepted, in-progress, completed, rejected, cancelled). */
@Path("/fhir/Task")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class TaskFhirResource {

    private static final Set<String> PARAMS = Set.of("status", "focus");

    private final ConsultService consults;
    private final CurrentActor current;

    public TaskFhirResource(ConsultService consults, CurrentActor current) {
        this.consults = consults;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public Task read(@PathParam("id") String id) {
        return ConsultFhirMapper.task(consults.get(current.require(), ConsultFhirMapper.id(id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), PARAMS);
        var actor = current.require();
        var focus = search.reference("focus", "ServiceRequest");
        var found = (focus != null
                        ? java.util.List.of(consults.get(actor, focus))
                        : consults.search(
                                actor,
                                new WorklistFilter(ConsultFhirMapper.stateOf(search.token("status")), null, null, null),
                                search.count(50, 200)))
                .stream().map(ConsultFhirMapper::task).toList();
        return Bundles.searchSet(
                ConsultFhirMapper.base(uri), uri.getRequestUri().toString(), found);
    }
}
