package vn.teleconsult.consult.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import vn.teleconsult.platform.fhir.FhirCapabilities;
import vn.teleconsult.platform.fhir.FhirResourceCapability;

/** The consult module's part of {@code /fhir/metadata}: each resource class's own declaration. */
@ApplicationScoped
public class ConsultFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return Stream.of(
                        TaskFhirResource.CAPABILITY,
                        ServiceRequestFhirResource.CAPABILITY,
                        DiagnosticReportFhirResource.CAPABILITY,
                        AuditEventFhirResource.CAPABILITY)
                .map(FhirResourceCapability::build)
                .toList();
    }
}
