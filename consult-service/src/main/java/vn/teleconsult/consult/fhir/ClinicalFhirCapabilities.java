package vn.teleconsult.consult.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.teleconsult.platform.fhir.FhirCapabilities;
import vn.teleconsult.platform.fhir.FhirResourceCapability;

/** The consult module's clinical records in {@code /fhir/metadata}: Patient, ImagingStudy and DiagnosticReport. */
@ApplicationScoped
public class ClinicalFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return List.of(
                resource("Patient", PatientFhirResource.PARAMS)
                        .documentation("A consult's patient (id: the consult's pseudonymous patient key), for whoever"
                                + " sees the consult; a portal patient (id: the user's), for themself and whoever sees"
                                + " one of their bookings. Searches list the consults of the caller's worklist.")
                        .build(),
                resource("ImagingStudy", ImagingStudyFhirResource.PARAMS)
                        .documentation("Studies attached to consults (id: the StudyInstanceUID), retrieved at"
                                + " Endpoint/dicom-wado-rs.")
                        .build(),
                resource("DiagnosticReport", DiagnosticReportFhirResource.PARAMS)
                        .documentation("A consult's report (id: the consult's); preliminary until signed.")
                        .build());
    }

    private static FhirResourceCapability resource(String type, Map<String, SearchParamType> params) {
        var capability = FhirResourceCapability.of(type).interactions(READ, SEARCHTYPE);
        params.forEach(capability::search);
        return capability;
    }
}
