package vn.teleconsult.identity.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import vn.teleconsult.platform.fhir.FhirCapabilities;

/** Identity's part of {@code /fhir/metadata}: the network's hospitals, their links and clinical staff. */
@ApplicationScoped
public class IdentityFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return List.of(
                OrganizationFhirResource.CAPABILITY.build(),
                OrganizationAffiliationFhirResource.CAPABILITY.build(),
                PractitionerFhirResource.CAPABILITY.build(),
                PractitionerRoleFhirResource.CAPABILITY.build());
    }
}
