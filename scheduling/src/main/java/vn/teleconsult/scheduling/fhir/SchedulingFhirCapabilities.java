package vn.teleconsult.scheduling.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.CREATE;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.UPDATE;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.teleconsult.platform.fhir.FhirCapabilities;
import vn.teleconsult.platform.fhir.FhirResourceCapability;

/** Scheduling's part of {@code /fhir/metadata}: Schedule, Slot and Appointment, from the parameters they accept. */
@ApplicationScoped
public class SchedulingFhirCapabilities implements FhirCapabilities {

    @Override
    public List<CapabilityStatementRestResourceComponent> resources() {
        return List.of(
                resource("Schedule", ScheduleFhirResource.PARAMS)
                        .interactions(READ, SEARCHTYPE)
                        .documentation("Availability of a practitioner, room or device for one service.")
                        .build(),
                resource("Slot", SlotFhirResource.PARAMS)
                        .interactions(READ, SEARCHTYPE)
                        .documentation("Free slots only, computed from the schedules' rules; taken time is an"
                                + " Appointment. Id: <schedule id>-<start in epoch seconds>.")
                        .build(),
                resource("Appointment", AppointmentFhirResource.PARAMS)
                        .interactions(READ, SEARCHTYPE, CREATE, UPDATE)
                        .documentation("Create with exactly one Slot reference; update with status cancelled to"
                                + " cancel, or status booked and a new start to reschedule.")
                        .build());
    }

    private static FhirResourceCapability resource(String type, Map<String, SearchParamType> params) {
        var capability = FhirResourceCapability.of(type);
        params.forEach(capability::search);
        return capability;
    }
}
