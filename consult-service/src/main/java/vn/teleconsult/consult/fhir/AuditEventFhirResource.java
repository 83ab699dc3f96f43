package vn.teleconsult.consult.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.teleconsult.consult.service.AuditExport;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
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

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("AuditEvent")
            .interactions(SEARCHTYPE)
            .search("date", SearchParamType.DATE)
            .search("patient", SearchParamType.REFERENCE)
            .search("entity", SearchParamType.REFERENCE)
            .search("outcome", SearchParamType.TOKEN)
            .search("agent", SearchParamType.REFERENCE)
            .documentation("The audit trail, for administrators (a hospital's administrator gets its own staff's),"
                    + " as IHE BALP records. Newest first.");

    private final AuditExport export;
    private final CurrentActor current;

    public AuditEventFhirResource(AuditExport export, CurrentActor current) {
        this.export = export;
        this.current = current;
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
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
                search.offset(),
                search.count());
        return Bundles.searchSet(uri, search, events.page(), events.total());
    }
}
