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
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import vn.teleconsult.identity.service.HubLinkView;
import vn.teleconsult.identity.service.NetworkRegistry;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * FHIR R4 OrganizationAffiliation: a hub–satellite link (the hub is {@code organization}, the satellite
 * {@code participatingOrganization}); read and search. The id is derived from the pair, so it is stable.
 */
@Path("/fhir/OrganizationAffiliation")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.SYSTEM})
public class OrganizationAffiliationFhirResource {

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "_id", SearchParamType.TOKEN,
            "primary-organization", SearchParamType.REFERENCE,
            "participating-organization", SearchParamType.REFERENCE,
            "active", SearchParamType.TOKEN);

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("OrganizationAffiliation")
            .interactions(READ, SEARCHTYPE)
            .search(PARAMS)
            .documentation("The hub–satellite links: organization is the hub, participatingOrganization"
                    + " the satellite that sends it consults.");

    private final NetworkRegistry registry;
    private final CurrentActor current;

    public OrganizationAffiliationFhirResource(NetworkRegistry registry, CurrentActor current) {
        this.registry = registry;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public OrganizationAffiliation read(@PathParam("id") String id) {
        return IdentityFhirMapper.affiliation(
                registry.link(current.require(), IdentityFhirMapper.id("OrganizationAffiliation", id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        UUID id = search.reference("_id", "OrganizationAffiliation");
        UUID hub = search.reference("primary-organization", "Organization");
        UUID satellite = search.reference("participating-organization", "Organization");
        Boolean active = IdentityFhirMapper.bool("active", search.token("active"));
        var found = registry
                .links(
                        current.require(),
                        (HubLinkView l) -> (id == null || l.id().equals(id))
                                && (hub == null || l.hubId().equals(hub))
                                && (satellite == null || l.satelliteId().equals(satellite))
                                && (active == null || l.active() == active),
                        FhirSearch.MAX_MATCHES + 1)
                .stream()
                .map(IdentityFhirMapper::affiliation)
                .toList();
        return Bundles.searchSet(uri, search, found);
    }
}
