package vn.teleconsult.identity.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Organization;
import vn.teleconsult.identity.service.HospitalView;
import vn.teleconsult.identity.service.NetworkRegistry;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * FHIR R4 Organization: the hospitals (type {@code prov}, with hub or satellite in the hospital-kind coding); read and
 * search. Their hub–satellite links are {@code OrganizationAffiliation}s.
 */
@Path("/fhir/Organization")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.SYSTEM})
public class OrganizationFhirResource {

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "_id", SearchParamType.TOKEN,
            "identifier", SearchParamType.TOKEN,
            "name", SearchParamType.STRING,
            "active", SearchParamType.TOKEN,
            "type", SearchParamType.TOKEN);

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("Organization")
            .interactions(READ, SEARCHTYPE)
            .search(PARAMS)
            .documentation("The hospitals; hub or satellite in type (hospital-kind). Readable by network"
                    + " administrators (all), a hospital's administrator (own), clinical staff and system"
                    + " clients (own and linked hospitals).");

    private final NetworkRegistry registry;
    private final CurrentActor current;

    public OrganizationFhirResource(NetworkRegistry registry, CurrentActor current) {
        this.registry = registry;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public Organization read(@PathParam("id") String id) {
        return IdentityFhirMapper.organization(
                registry.hospital(current.require(), IdentityFhirMapper.id("Organization", id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        UUID id = search.reference("_id", "Organization");
        String identifier = search.token("identifier");
        String name = search.string("name");
        Boolean active = IdentityFhirMapper.bool("active", search.token("active"));
        String type = search.token("type");
        var found = registry
                .hospitals(
                        current.require(),
                        (HospitalView h) -> (id == null || h.id().equals(id))
                                && (identifier == null || h.code().equalsIgnoreCase(identifier))
                                && IdentityFhirMapper.startsWith(h.name(), name)
                                && (active == null || h.active() == active)
                                && (type == null
                                        || type.equals("prov")
                                        || h.kind().name().equalsIgnoreCase(type)),
                        FhirSearch.MAX_MATCHES + 1)
                .stream()
                .map(IdentityFhirMapper::organization)
                .toList();
        return Bundles.searchSet(uri, search, found);
    }
}
