package vn.teleconsult.scheduling.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Schedule;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.service.ScheduleService;

/** FHIR R4 Schedule: read and search by {@code actor}, {@code service-type}, {@code _id}, {@code active}. */
@Path("/fhir/Schedule")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.ADMIN, Roles.SYSTEM})
public class ScheduleFhirResource {

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "actor", SearchParamType.REFERENCE,
            "service-type", SearchParamType.TOKEN,
            "_id", SearchParamType.TOKEN,
            "active", SearchParamType.TOKEN);

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
        var search = FhirSearch.of(uri.getQueryParameters(), PARAMS.keySet());
        UUID actor = search.reference("actor", "Practitioner", "Location", "Device");
        UUID id = search.reference("_id", "Schedule");
        String active = search.token("active");
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw ProblemException.badRequest("active: true or false.");
        }
        // only active schedules are served: active=false finds none
        var found = "false".equals(active)
                ? List.<Schedule>of()
                : schedules
                        .search(current.require(), actor, search.token("service-type"), id, search.count(50, 500))
                        .stream()
                        .map(FhirMapper::schedule)
                        .toList();
        return Bundles.searchSet(base(uri), uri.getRequestUri().toString(), found);
    }

    static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir";
    }
}
