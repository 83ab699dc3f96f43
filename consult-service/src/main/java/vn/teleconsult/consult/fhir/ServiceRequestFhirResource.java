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
import org.hl7.fhir.r4.model.ServiceRequest;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.Urgency;
import vn.teleconsult.consult.domain.WorklistFilter;
import vn.teleconsult.consult.service.ConsultService;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** FHIR R4 ServiceRequest: a consult request; read, and search the caller's worklist by status and priority. */
@Path("/fhir/ServiceRequest")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class ServiceRequestFhirResource {

    private static final Set<String> PARAMS = Set.of("status", "priority");

    private final ConsultService consults;
    private final CurrentActor current;

    public ServiceRequestFhirResource(ConsultService consults, CurrentActor current) {
        this.consults = consults;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public ServiceRequest read(@PathParam("id") String id) {
        return ConsultFhirMapper.serviceRequest(consults.get(current.require(), ConsultFhirMapper.id(id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), PARAMS);
        var filter = new WorklistFilter(state(search.token("status")), urgency(search.token("priority")), null, null);
        var found = consults.search(current.require(), filter, search.count(50, 200)).stream()
                .filter(c -> search.token("status") == null
                        || ConsultFhirMapper.serviceRequest(c)
                                .getStatus()
                                .toCode()
                                .equals(search.token("status")))
                .map(ConsultFhirMapper::serviceRequest)
                .toList();
        return Bundles.searchSet(
                ConsultFhirMapper.base(uri), uri.getRequestUri().toString(), found);
    }

    private static ConsultState state(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "draft" -> ConsultState.DRAFT;
            case "revoked" -> ConsultState.CANCELLED;
            case "active", "completed" -> null; // several states: filtered on the mapped status
            default -> throw ProblemException.badRequest("status: draft, active, completed or revoked.");
        };
    }

    private static Urgency urgency(String priority) {
        if (priority == null) {
            return null;
        }
        return switch (priority) {
            case "stat" -> Urgency.EMERGENCY;
            case "urgent" -> Urgency.URGENT;
            case "routine" -> Urgency.ROUTINE;
            default -> throw ProblemException.badRequest("priority: stat, urgent or routine.");
        };
    }
}
