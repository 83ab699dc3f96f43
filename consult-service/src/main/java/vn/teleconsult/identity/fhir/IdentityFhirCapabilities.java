package vn.teleconsult.identity.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.teleconsult.platform.fhir.FhirCapabilities;
import vn.teleconsult.platform.fhir.FhirResourceCapability;

/** Identity's part of {@code /fhir/metadata}: the network's hospitals, their links and clinical staff. */
@ApplicationScoped
public class IdentityFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return List.of(
                resource("Organization", OrganizationFhirResource.PARAMS)
                        .documentation("The hospitals; hub or satellite in type (hospital-kind). Readable by network"
                                + " administrators (all), a hospital's administrator (own), clinical staff and system"
                                + " clients (own and linked hospitals).")
                        .build(),
                resource("OrganizationAffiliation", OrganizationAffiliationFhirResource.PARAMS)
                        .documentation("The hub–satellite links: organization is the hub, participatingOrganization"
                                + " the satellite that sends it consults.")
                        .build(),
                resource("Practitioner", PractitionerFhirResource.PARAMS)
                        .documentation("Coordinators, hub specialists and satellite doctors; id is the user's.")
                        .build(),
                resource("PractitionerRole", PractitionerRoleFhirResource.PARAMS)
                        .documentation("One per staff member (same id as the Practitioner): roles and specialty"
                                + " (SNOMED CT where known) at their hospital.")
                        .build());
    }

    private static FhirResourceCapability resource(String type, Map<String, SearchParamType> params) {
        var capability = FhirResourceCapability.of(type).interactions(READ, SEARCHTYPE);
        params.forEach(capability::search);
        return capability;
    }
}
