package vn.teleconsult.consult.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import vn.teleconsult.consult.service.AuditExport;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * FHIR R4 AuditEvent: the audit trail exported for administrators (a hospital's administrator gets what its staff
 * did), searchable by {@code date}, {@code patient}, {@code entity} (resource id), {@code outcome} and {@code agent}.
 */
@Path("/fhir/AuditEvent")
@Produces(FhirMedia.JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditEventFhirResource {

    private static final Set<String> PARAMS = Set.of("date", "patient", "entity", "outcome", "agent");

    private final AuditExport export;
    private final CurrentActor current;

    public AuditEventFhirResource(AuditExport export, CurrentActor current) {
        this.export = export;
        this.current = current;
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), PARAMS);
        var dates = search.dates("date");
        var events = export.search(
                current.require(),
                new AuditExport.Query(
                        dates.from(),
                        dates.to(),
                        search.string("patient"),
                        search.string("entity"),
                        search.token("outcome"),
                        search.string("agent")),
                search.count(100, 1000));
        return Bundles.searchSet(
                ConsultFhirMapper.base(uri), uri.getRequestUri().toString(), events);
    }
}
