package vn.teleconsult.imaging.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import vn.teleconsult.platform.fhir.FhirCapabilities;
import vn.teleconsult.platform.fhir.FhirResourceCapability;

/** Image-share's part of {@code /fhir/metadata}: the DICOMweb Endpoints. */
@ApplicationScoped
public class ImagingFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        var endpoint = FhirResourceCapability.of("Endpoint")
                .interactions(READ, SEARCHTYPE)
                .search(EndpointFhirResource.CAPABILITY.searchParams())
                .documentation("The DICOMweb services at /dicom-web: ids dicom-wado-rs, dicom-qido-rs and"
                        + " dicom-stow-rs, after their connection type.");
        return List.of(endpoint.build());
    }
}
