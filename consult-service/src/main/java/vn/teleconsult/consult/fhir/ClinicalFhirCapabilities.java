package vn.teleconsult.consult.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import vn.teleconsult.platform.fhir.FhirCapabilities;

/** The consult module's clinical records in {@code /fhir/metadata}: Patient and ImagingStudy (DiagnosticReport is with the consult's types). */
@ApplicationScoped
public class ClinicalFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return List.of(PatientFhirResource.CAPABILITY.build(), ImagingStudyFhirResource.CAPABILITY.build());
    }
}
