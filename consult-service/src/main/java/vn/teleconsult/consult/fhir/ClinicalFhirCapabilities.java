package vn.teleconsult.consult.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import vn.teleconsult.platform.fhir.FhirCapabilities;
import vn.teleconsult.platform.fhir.FhirResourceCapability;

/** The consult module's clinical records in {@code /fhir/metadata}: Patient and ImagingStudy (DiagnosticReport is with the consult's types). */
@ApplicationScoped
public class ClinicalFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return List.of(
                resource(PatientFhirResource.CAPABILITY)
                        .documentation("A consult's patient (id: the consult's pseudonymous patient key), for whoever"
                                + " sees the consult; a portal patient (id: the user's), for themself and whoever sees"
                                + " one of their bookings. Searches list the consults of the caller's worklist.")
                        .build(),
                resource(ImagingStudyFhirResource.CAPABILITY)
                        .documentation("Studies attached to consults (id: the StudyInstanceUID), retrieved at"
                                + " Endpoint/dicom-wado-rs.")
                        .build());
    }

    private static FhirResourceCapability resource(FhirResourceCapability declared) {
        return FhirResourceCapability.of(declared.type())
                .interactions(declared.interactions().toArray(TypeRestfulInteraction[]::new))
                .search(declared.searchParams());
    }
}
