package vn.teleconsult.scheduling.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Coding;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.service.BookingInput;
import vn.teleconsult.scheduling.service.BookingService;
import vn.teleconsult.scheduling.service.BookingView;

/** Reads what a FHIR Appointment asks for: a booking in its Slot, or the cancel or move of an existing one. */
@ApplicationScoped
public class AppointmentRequests {

    private final BookingService bookings;

    public AppointmentRequests(BookingService bookings) {
        this.bookings = bookings;
    }

    BookingInput booking(Appointment a) {
        if (a.getSlot().size() != 1) {
            throw ProblemException.badRequest("Appointment.slot: give exactly one Slot reference to book.");
        }
        if (a.getStatus() != null && a.getStatus() != AppointmentStatus.BOOKED) {
            throw ProblemException.badRequest("Appointment.status: a new appointment is 'booked'.");
        }
        var slot = FhirMapper.slotRef(a.getSlotFirstRep().getReference());
        VisitMode mode = VisitMode.IN_PERSON;
        for (Coding c : a.getAppointmentType().getCoding()) {
            if (FhirMapper.MODE_SYSTEM.equals(c.getSystem())) {
                try {
                    mode = VisitMode.valueOf(c.getCode());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw ProblemException.badRequest("Appointment.appointmentType: VIDEO or IN_PERSON.");
                }
            }
        }
        String reason = a.getReasonCode().stream()
                .flatMap(r -> r.getCoding().stream())
                .filter(c -> FhirMapper.ICD10.equals(c.getSystem()))
                .map(Coding::getCode)
                .findFirst()
                .orElse(null);
        var participants = new HashSet<UUID>();
        var resources = new HashSet<UUID>(); // rooms and devices the booking must also take
        for (var p : a.getParticipant()) {
            String ref = p.getActor().getReference();
            if (ref == null) {
                continue;
            }
            String type = ref.substring(0, Math.max(0, ref.indexOf('/')));
            var into =
                    switch (type) {
                        case "Practitioner" -> participants;
                        case "Location", "Device" -> resources;
                        default -> null;
                    };
            if (into != null) {
                try {
                    into.add(UUID.fromString(ref.substring(type.length() + 1)));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("Appointment.participant: '" + ref + "' is not known here.");
                }
            }
        }
        return new BookingInput(
                slot.scheduleId(),
                slot.start(),
                mode,
                null,
                null,
                participants,
                resources.isEmpty() ? null : resources,
                reason);
    }

    BookingView apply(Actor actor, UUID id, Appointment a) {
        if (a.getStatus() == AppointmentStatus.CANCELLED) {
            String reason = a.getCancelationReason().getText();
            return bookings.cancel(actor, id, reason == null || reason.isBlank() ? "cancelled via FHIR" : reason);
        }
        if (a.getStatus() == AppointmentStatus.BOOKED && a.getStart() != null) {
            return bookings.reschedule(actor, id, a.getStart().toInstant());
        }
        throw new ProblemException(
                422,
                "Unsupported change",
                "An update may cancel an Appointment (status cancelled) or move it"
                        + " (status booked with a new start).");
    }
}
