package vn.teleconsult.scheduling.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Schedule;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.service.ScheduleService;
import vn.teleconsult.scheduling.service.ScheduleView;

/** FHIR R4 Schedule: read and search by {@code actor}, {@code service-type}, {@code _id}, {@code active}. */
@Path("/fhir/Schedule")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.ADMIN, Roles.SYSTEM})
public class ScheduleFhirResource {

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("Schedule")
            .interactions(READ, SEARCHTYPE)
            .search("actor", SearchParamType.REFERENCE)
            .search("service-type", SearchParamType.TOKEN)
            .search("_id", SearchParamType.TOKEN)
            .search("active", SearchParamType.TOKEN)
            .documentation("Availability of a practitioner, room or device for one service.");

    private final ScheduleService schedules;
    private final CurrentActor current;

    public ScheduleFhirResource(ScheduleService schedules, CurrentActor current) {
        this.schedules = schedules;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public Schedule read(@PathParam("id") String id) {
        return FhirMapper.schedule(schedules.get(current.require(), Params.uuid("id", id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        UUID actor = search.reference("actor", "Practitioner", "Location", "Device");
        Set<UUID> ids = search.references("_id", "Schedule");
        String service = search.token("service-type");
        String active = search.token("active");
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw ProblemException.badRequest("active: true or false.");
        }
        var caller = current.require();
        List<ScheduleView> found;
        if ("false".equals(active)) {
            found = List.of(); // only active schedules are served: active=false finds none
        } else if (ids == null) {
            found = schedules.search(caller, actor, service, null, FhirSearch.MAX_MATCHES + 1);
        } else {
            if (ids.size() > FhirSearch.MAX_COUNT) {
                throw ProblemException.badRequest("_id: at most " + FhirSearch.MAX_COUNT + " ids.");
            }
            found = ids.stream()
                    .flatMap(id -> schedules.search(caller, actor, service, id, 1).stream())
                    .toList();
        }
        return Bundles.searchSet(uri, search, Bundles.lazily(found, FhirMapper::schedule));
    }
}
