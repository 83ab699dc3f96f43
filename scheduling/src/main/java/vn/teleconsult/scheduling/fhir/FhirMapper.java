package vn.teleconsult.scheduling.fhir;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.domain.ResourceKind;
import vn.teleconsult.scheduling.service.BookingView;
import vn.teleconsult.scheduling.service.ScheduleView;
import vn.teleconsult.scheduling.service.SlotView;

/** Maps the module's views to FHIR R4 Schedule, Slot and Appointment, and back for a new Appointment. */
final class FhirMapper {

    static final String TIMEZONE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/timezone";
    static final String SERVICE_SYSTEM = "urn:teleconsult:service";
    static final String MODE_SYSTEM = "urn:teleconsult:visit-mode";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String CONSULT_SYSTEM = "urn:teleconsult:consult";

    private FhirMapper() {}

    static Schedule schedule(ScheduleView s) {
        var fhir = new Schedule();
        fhir.setId(s.id().toString());
        fhir.setActive(s.active());
        fhir.addServiceType(service(s.serviceCode()));
        if (s.specialty() != null) {
            fhir.addSpecialty().setText(s.specialty());
        }
        fhir.addActor(actor(s.resourceKind(), s.resourceId()));
        // the service is known by its code only: a logical reference to the HealthcareService
        fhir.addActor(new Reference()
                .setType("HealthcareService")
                .setIdentifier(new Identifier().setSystem(SERVICE_SYSTEM).setValue(s.serviceCode()))
                .setDisplay(s.serviceCode()));
        Instant now = Instant.now();
        fhir.setPlanningHorizon(
                new Period().setStart(Date.from(now)).setEnd(Date.from(now.plus(Duration.ofDays(s.horizonDays())))));
        fhir.setComment(s.slotMinutes() + "-minute slots; rules in " + s.timeZone());
        fhir.addExtension(timeZone(s.timeZone()));
        return fhir;
    }

    /** A practitioner's time is a Practitioner's, a room's a Location's, a device's a Device's. */
    static Reference actor(ResourceKind kind, UUID id) {
        String type =
                switch (kind) {
                    case PRACTITIONER -> "Practitioner";
                    case ROOM -> "Location";
                    case DEVICE -> "Device";
                };
        return new Reference(type + "/" + id);
    }

    static Slot slot(SlotView s) {
        var fhir = new Slot();
        fhir.setId(slotId(s.scheduleId(), s.start()));
        fhir.setSchedule(new Reference("Schedule/" + s.scheduleId()));
        fhir.setStatus(Slot.SlotStatus.FREE);
        fhir.setStart(Date.from(s.start()));
        fhir.setEnd(Date.from(s.end()));
        fhir.addServiceType(service(s.serviceCode()));
        if (s.specialty() != null) {
            fhir.addSpecialty().setText(s.specialty());
        }
        for (VisitMode mode : s.modes()) {
            fhir.getAppointmentType().addCoding(new Coding(MODE_SYSTEM, mode.name(), null));
        }
        fhir.setComment("Local time " + s.localStart() + " (" + s.timeZone() + ")");
        fhir.addExtension(timeZone(s.timeZone()));
        return fhir;
    }

    /**
     * The booking as an Appointment: its patient, its people as Practitioners, and the rooms and devices it holds as
     * Locations and Devices ({@code kinds}: the kind of each of the booking's resources).
     */
    static Appointment appointment(BookingView b, Map<UUID, ResourceKind> kinds) {
        var fhir = new Appointment();
        fhir.setId(b.id().toString());
        fhir.setStatus(status(b.status()));
        fhir.setStart(Date.from(b.start()));
        fhir.setEnd(Date.from(b.end()));
        fhir.addServiceType(service(b.serviceCode()));
        fhir.setAppointmentType(
                new CodeableConcept(new Coding(MODE_SYSTEM, b.mode().name(), null)));
        if (b.scheduleId() != null) {
            fhir.addSlot(new Reference("Slot/" + slotId(b.scheduleId(), b.start())));
        }
        if (b.reasonCode() != null) {
            fhir.addReasonCode(new CodeableConcept(new Coding(ICD10, b.reasonCode(), null)));
        }
        if (b.consultId() != null) {
            fhir.addIdentifier()
                    .setSystem(CONSULT_SYSTEM)
                    .setValue(b.consultId().toString());
        }
        if (b.cancelReason() != null) {
            fhir.setCancelationReason(new CodeableConcept().setText(b.cancelReason()));
        }
        if (b.patientId() != null) {
            fhir.addParticipant()
                    .setActor(new Reference("Patient/" + b.patientId()))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        for (UUID person : b.participantIds()) {
            if (!person.equals(b.patientId())) {
                fhir.addParticipant()
                        .setActor(new Reference("Practitioner/" + person))
                        .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            }
        }
        for (UUID resource : b.resourceIds()) {
            ResourceKind kind = kinds.get(resource);
            if (kind != null
                    && !(kind == ResourceKind.PRACTITIONER && b.participantIds().contains(resource))) {
                fhir.addParticipant()
                        .setActor(actor(kind, resource))
                        .setRequired(Appointment.ParticipantRequired.REQUIRED)
                        .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            }
        }
        fhir.setDescription("Local time " + b.localStart() + " (" + b.timeZone() + ")");
        fhir.addExtension(timeZone(b.timeZone()));
        return fhir;
    }

    static Appointment.AppointmentStatus status(BookingStatus status) {
        return switch (status) {
            case HELD -> Appointment.AppointmentStatus.PENDING;
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
            case CANCELLED, EXPIRED -> Appointment.AppointmentStatus.CANCELLED;
        };
    }

    static BookingStatus status(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "pending" -> BookingStatus.HELD;
            case "booked" -> BookingStatus.BOOKED;
            case "noshow" -> BookingStatus.NO_SHOW;
            case "cancelled" -> BookingStatus.CANCELLED;
            default ->
                throw ProblemException.badRequest(
                        "status: '" + code + "' is not one of pending, booked, cancelled, noshow.");
        };
    }

    static String slotId(UUID scheduleId, Instant start) {
        return scheduleId + "-" + start.getEpochSecond();
    }

    /** A slot id back to its schedule and start. */
    static SlotRef slotRef(String id) {
        String value = id.substring(id.lastIndexOf('/') + 1);
        int dash = value.lastIndexOf('-');
        try {
            return new SlotRef(
                    UUID.fromString(value.substring(0, dash)),
                    Instant.ofEpochSecond(Long.parseLong(value.substring(dash + 1))));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("'" + value + "' is not a slot id of this server.");
        }
    }

    record SlotRef(UUID scheduleId, Instant start) {}

    private static CodeableConcept service(String code) {
        return new CodeableConcept(new Coding(SERVICE_SYSTEM, code, null)).setText(code);
    }

    private static Extension timeZone(String zone) {
        return new Extension(TIMEZONE_EXTENSION, new CodeType(zone));
    }
}
