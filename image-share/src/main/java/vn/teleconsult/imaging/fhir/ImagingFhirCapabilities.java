package vn.teleconsult.imaging.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import vn.teleconsult.platform.fhir.FhirCapabilities;

/** Image-share's part of {@code /fhir/metadata}: the DICOMweb Endpoints. */
@ApplicationScoped
public class ImagingFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return List.of(EndpointFhirResource.CAPABILITY.build());
    }
}
