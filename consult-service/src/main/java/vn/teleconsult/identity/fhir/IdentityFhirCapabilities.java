package vn.teleconsult.identity.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import vn.teleconsult.platform.fhir.FhirCapabilities;
import vn.teleconsult.platform.fhir.FhirResourceCapability;

/** Identity's part of {@code /fhir/metadata}: the network's hospitals, their links and clinical staff. */
@ApplicationScoped
public class IdentityFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return List.of(
                resource(OrganizationFhirResource.CAPABILITY)
                        .documentation("The hospitals; hub or satellite in type (hospital-kind). Readable by network"
                                + " administrators (all), a hospital's administrator (own), clinical staff and system"
                                + " clients (own and linked hospitals).")
                        .build(),
                resource(OrganizationAffiliationFhirResource.CAPABILITY)
                        .documentation("The hub–satellite links: organization is the hub, participatingOrganization"
                                + " the satellite that sends it consults.")
                        .build(),
                resource(PractitionerFhirResource.CAPABILITY)
                        .documentation("Coordinators, hub specialists and satellite doctors; id is the user's.")
                        .build(),
                resource(PractitionerRoleFhirResource.CAPABILITY)
                        .documentation("One per staff member (same id as the Practitioner): roles and specialty"
                                + " (SNOMED CT where known) at their hospital.")
                        .build());
    }

    private static FhirResourceCapability resource(FhirResourceCapability declared) {
        return FhirResourceCapability.of(declared.type())
                .interactions(declared.interactions().toArray(TypeRestfulInteraction[]::new))
                .search(declared.searchParams());
    }
}
