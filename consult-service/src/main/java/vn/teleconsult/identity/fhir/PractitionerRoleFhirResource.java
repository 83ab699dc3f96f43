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
import org.hl7.fhir.r4.model.PractitionerRole;
import vn.teleconsult.identity.service.NetworkRegistry;
import vn.teleconsult.identity.service.UserView;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * FHIR R4 PractitionerRole: a staff member's roles and specialty at their hospital (one per person, same id as the
 * Practitioner); read and search.
 */
@Path("/fhir/PractitionerRole")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.SYSTEM})
public class PractitionerRoleFhirResource {

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "_id", SearchParamType.TOKEN,
            "practitioner", SearchParamType.REFERENCE,
            "organization", SearchParamType.REFERENCE,
            "role", SearchParamType.TOKEN,
            "specialty", SearchParamType.TOKEN,
            "active", SearchParamType.TOKEN);

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("PractitionerRole")
            .interactions(READ, SEARCHTYPE)
            .search(PARAMS)
            .documentation("One per staff member (same id as the Practitioner): roles and specialty"
                    + " (SNOMED CT where known) at their hospital.");

    private final NetworkRegistry registry;
    private final CurrentActor current;

    public PractitionerRoleFhirResource(NetworkRegistry registry, CurrentActor current) {
        this.registry = registry;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public PractitionerRole read(@PathParam("id") String id) {
        return IdentityFhirMapper.practitionerRole(
                registry.practitioner(current.require(), IdentityFhirMapper.id("PractitionerRole", id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        UUID id = search.reference("_id", "PractitionerRole");
        UUID practitioner = search.reference("practitioner", "Practitioner");
        UUID organization = search.reference("organization", "Organization");
        String role = search.token("role");
        String specialty = search.token("specialty");
        Boolean active = IdentityFhirMapper.bool("active", search.token("active"));
        var found = registry
                .practitioners(
                        current.require(),
                        (UserView u) -> (id == null || u.id().equals(id))
                                && (practitioner == null || u.id().equals(practitioner))
                                && (organization == null || organization.equals(u.hospitalId()))
                                && (role == null || IdentityFhirMapper.hasRole(u, role))
                                && (specialty == null || IdentityFhirMapper.hasSpecialty(u, specialty))
                                && (active == null || u.enabled() == active),
                        FhirSearch.MAX_MATCHES + 1)
                .stream()
                .map(IdentityFhirMapper::practitionerRole)
                .toList();
        return Bundles.searchSet(uri, search, found);
    }
}
