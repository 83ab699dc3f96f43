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
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Task;
import vn.teleconsult.consult.service.ConsultService;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** FHIR R4 Task: a consult's progress (requested, accepted, in-progress, completed, rejected, cancelled). */
@Path("/fhir/Task")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class TaskFhirResource {

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("Task")
            .interactions(READ, SEARCHTYPE)
            .search("_id", SearchParamType.TOKEN)
            .search("status", SearchParamType.TOKEN)
            .search("focus", SearchParamType.REFERENCE)
            .documentation("A consult's progress; the caller's worklist. The id is the consult's, as its"
                    + " ServiceRequest's.");

    private static final Set<String> STATUSES = Arrays.stream(Task.TaskStatus.values())
            .filter(s -> s != Task.TaskStatus.NULL)
            .map(Task.TaskStatus::toCode)
            .collect(Collectors.toSet());

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
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        Set<String> statuses = ConsultFhirMapper.codes("status", search.tokens("status"), STATUSES);
        Set<UUID> ids =
                ConsultFhirMapper.both(search.references("_id", "Task"), search.references("focus", "ServiceRequest"));
        var matches = ConsultFhirMapper.matches(
                consults,
                current.require(),
                ids,
                (state, urgency) -> statuses == null || statuses.contains(ConsultFhirMapper.taskCode(state)));
        return Bundles.searchSet(uri, search, Bundles.lazily(matches, ConsultFhirMapper::task));
    }
}
