package vn.teleconsult.scheduling.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Schedule;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.service.ScheduleService;

/** FHIR R4 Schedule: read and search by {@code actor}, {@code service-type}, {@code _id}. */
@Path("/fhir/Schedule")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.ADMIN, Roles.SYSTEM})
public class ScheduleFhirResource {

    private static final Set<String> PARAMS = Set.of("actor", "service-type", "_id", "active");

    private final ScheduleService schedules;

    public ScheduleFhirResource(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @GET
    @Path("/{id}")
    public Schedule read(@PathParam("id") String id) {
        return FhirMapper.schedule(schedules.get(Params.uuid("id", id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), PARAMS);
        UUID actor = search.reference("actor", "Practitioner");
        UUID id = search.reference("_id", "Schedule");
        var found = schedules.search(actor, search.token("service-type"), id, search.count(50, 500)).stream()
                .map(FhirMapper::schedule)
                .toList();
        return Bundles.searchSet(base(uri), uri.getRequestUri().toString(), found);
    }

    static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir";
    }
}
