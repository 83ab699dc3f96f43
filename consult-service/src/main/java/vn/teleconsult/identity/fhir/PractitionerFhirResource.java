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
import org.hl7.fhir.r4.model.Practitioner;
import vn.teleconsult.identity.service.NetworkRegistry;
import vn.teleconsult.identity.service.UserView;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** FHIR R4 Practitioner: coordinators, hub specialists and satellite doctors (id: the user's); read and search. */
@Path("/fhir/Practitioner")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.SYSTEM})
public class PractitionerFhirResource {

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "_id", SearchParamType.TOKEN,
            "identifier", SearchParamType.TOKEN,
            "name", SearchParamType.STRING,
            "active", SearchParamType.TOKEN);

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("Practitioner")
            .interactions(READ, SEARCHTYPE)
            .search(PARAMS)
            .documentation("Coordinators, hub specialists and satellite doctors; id is the user's.");

    private final NetworkRegistry registry;
    private final CurrentActor current;

    public PractitionerFhirResource(NetworkRegistry registry, CurrentActor current) {
        this.registry = registry;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public Practitioner read(@PathParam("id") String id) {
        return IdentityFhirMapper.practitioner(
                registry.practitioner(current.require(), IdentityFhirMapper.id("Practitioner", id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        UUID id = search.reference("_id", "Practitioner");
        String identifier = search.token("identifier");
        String name = search.string("name");
        Boolean active = IdentityFhirMapper.bool("active", search.token("active"));
        var found = registry
                .practitioners(
                        current.require(),
                        (UserView u) -> (id == null || u.id().equals(id))
                                && (identifier == null || u.username().equals(identifier))
                                && IdentityFhirMapper.startsWith(u.fullName(), name)
                                && (active == null || u.enabled() == active),
                        FhirSearch.MAX_MATCHES + 1)
                .stream()
                .map(IdentityFhirMapper::practitioner)
                .toList();
        return Bundles.searchSet(uri, search, found);
    }
}
