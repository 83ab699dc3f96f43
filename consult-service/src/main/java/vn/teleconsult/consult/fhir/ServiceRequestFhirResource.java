package vn.teleconsult.consult.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.ServiceRequest;
import vn.teleconsult.consult.service.ConsultService;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** FHIR R4 ServiceRequest: a consult request; read, and search the caller's worklist by status and priority. */
@Path("/fhir/ServiceRequest")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class ServiceRequestFhirResource {

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("ServiceRequest")
            .interactions(READ, SEARCHTYPE)
            .search("_id", SearchParamType.TOKEN)
            .search("status", SearchParamType.TOKEN)
            .search("priority", SearchParamType.TOKEN)
            .documentation("A consult request; the caller's worklist. Statuses served: draft, active, completed,"
                    + " revoked.");

    private static final Set<String> STATUSES =
            Set.of("draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown");
    private static final Set<String> PRIORITIES = Set.of("routine", "urgent", "asap", "stat");

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
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        Set<String> statuses = ConsultFhirMapper.codes("status", search.tokens("status"), STATUSES);
        Set<String> priorities = ConsultFhirMapper.codes("priority", search.tokens("priority"), PRIORITIES);
        var matches = ConsultFhirMapper.matches(
                consults,
                current.require(),
                search.references("_id", "ServiceRequest"),
                (state, urgency) -> (statuses == null || statuses.contains(ConsultFhirMapper.serviceRequestCode(state)))
                        && (priorities == null || priorities.contains(ConsultFhirMapper.priorityCode(urgency))));
        return Bundles.searchSet(uri, search, Bundles.lazily(matches, ConsultFhirMapper::serviceRequest));
    }
}
