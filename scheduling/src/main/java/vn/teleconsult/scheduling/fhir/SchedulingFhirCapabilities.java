package vn.teleconsult.scheduling.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import vn.teleconsult.platform.fhir.FhirCapabilities;
import vn.teleconsult.platform.fhir.FhirResourceCapability;

/** Scheduling's part of {@code /fhir/metadata}: Schedule, Slot and Appointment, each resource class's declaration. */
@ApplicationScoped
public class SchedulingFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return Stream.of(
                        ScheduleFhirResource.CAPABILITY,
                        SlotFhirResource.CAPABILITY,
                        AppointmentFhirResource.CAPABILITY)
                .map(FhirResourceCapability::build)
                .toList();
    }
}
