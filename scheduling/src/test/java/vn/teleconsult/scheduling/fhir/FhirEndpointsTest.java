package vn.teleconsult.scheduling.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.scheduling.Db;
import vn.teleconsult.scheduling.GreenMailResource;
import vn.teleconsult.scheduling.World;

/** The FHIR endpoints as HAPI FHIR's own generic client sees them. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class FhirEndpointsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @TestHTTPResource("/fhir")
    URL base;

    @Inject
    World world;

    @Inject
    Db db;

    private IGenericClient client(PersonRef person) {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = FHIR.newRestfulGenericClient(base.toString());
        if (person != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(world.token(person)));
        }
        return client;
    }

    @Test
    void shouldReadAndSearchSchedulesSlotsAndBookAndCancelAnAppointment() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "PATIENT_VISIT", List.of("VIDEO", "IN_PERSON"));
        var staff = client(hub.coordinator());

        Schedule read = staff.read()
                .resource(Schedule.class)
                .withId(schedule.toString())
                .execute();
        assertEquals(
                "Practitioner/" + hub.specialist().id(), read.getActorFirstRep().getReference());
        assertEquals("HealthcareService", read.getActor().get(1).getType());
        assertEquals(
                FhirMapper.SERVICE_SYSTEM,
                read.getActor().get(1).getIdentifier().getSystem());
        assertEquals(
                "Asia/Ho_Chi_Minh",
                read.getExtensionByUrl(FhirMapper.TIMEZONE_EXTENSION).getValue().primitiveValue());
        Bundle schedules = staff.search()
                .forResource(Schedule.class)
                .where(Schedule.ACTOR.hasId("Practitioner/" + hub.specialist().id()))
                .returnBundle(Bundle.class)
                .execute();
        assertEquals(1, schedules.getTotal());

        var patient = world.patient();
        var mine = client(patient);
        Bundle slots = mine.search()
                .byUrl("Slot?schedule=Schedule/" + schedule + "&start=ge" + World.tomorrowAt9(0) + "&start=lt"
                        + World.tomorrowAt9(3))
                .returnBundle(Bundle.class)
                .execute();
        assertEquals(3, slots.getTotal());
        Slot first = (Slot) slots.getEntryFirstRep().getResource();
        assertEquals(Slot.SlotStatus.FREE, first.getStatus());
        assertEquals(World.tomorrowAt9(0), first.getStart().toInstant());

        var appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.addSlot(new Reference("Slot/" + first.getIdElement().getIdPart()));
        appointment.setAppointmentType(new CodeableConcept(new Coding(FhirMapper.MODE_SYSTEM, "IN_PERSON", null)));
        appointment.addParticipant().setActor(new Reference("Patient/" + patient.id()));
        var created = mine.create().resource(appointment).execute();
        String id = created.getId().getIdPart();

        Appointment booked = mine.read().resource(Appointment.class).withId(id).execute();
        assertEquals(Appointment.AppointmentStatus.BOOKED, booked.getStatus());
        assertEquals(World.tomorrowAt9(0), booked.getStart().toInstant());
        Bundle found = mine.search()
                .forResource(Appointment.class)
                .where(Appointment.PATIENT.hasId("Patient/" + patient.id()))
                .and(Appointment.STATUS.exactly().code("booked"))
                .returnBundle(Bundle.class)
                .execute();
        assertEquals(1, found.getTotal());

        // the same slot again: 409 as OperationOutcome
        var again = assertThrows(
                ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException.class,
                () -> client(world.patient()).create().resource(appointment).execute());
        assertTrue(again.getMessage().contains("Slot taken"), again.getMessage());

        booked.setStatus(Appointment.AppointmentStatus.CANCELLED);
        booked.setCancelationReason(new CodeableConcept().setText("Đã khỏi bệnh"));
        Appointment cancelled =
                (Appointment) mine.update().resource(booked).execute().getResource();
        assertEquals(Appointment.AppointmentStatus.CANCELLED, cancelled.getStatus());
        assertEquals(
                1,
                db.count(
                        "select count(*) from scheduling.booking where id = ? and status = 'CANCELLED'",
                        UUID.fromString(id)));
    }

    @Test
    void shouldRescheduleAnAppointmentByUpdatingItsStart() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "PATIENT_VISIT", List.of("IN_PERSON"));
        var patient = world.patient();
        var mine = client(patient);
        var appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.addSlot(
                new Reference("Slot/" + schedule + "-" + World.tomorrowAt9(0).getEpochSecond()));
        appointment.setAppointmentType(new CodeableConcept(new Coding(FhirMapper.MODE_SYSTEM, "IN_PERSON", null)));
        String id = mine.create().resource(appointment).execute().getId().getIdPart();
        // someone else holds the 10:00 slot
        var other = new Appointment();
        other.addSlot(
                new Reference("Slot/" + schedule + "-" + World.tomorrowAt9(2).getEpochSecond()));
        other.setAppointmentType(new CodeableConcept(new Coding(FhirMapper.MODE_SYSTEM, "IN_PERSON", null)));
        client(world.patient()).create().resource(other).execute();

        Appointment booked = mine.read().resource(Appointment.class).withId(id).execute();
        booked.setStart(java.util.Date.from(World.tomorrowAt9(1)));
        Appointment moved =
                (Appointment) mine.update().resource(booked).execute().getResource();
        assertEquals(World.tomorrowAt9(1), moved.getStart().toInstant());
        assertEquals(
                "Slot/" + schedule + "-" + World.tomorrowAt9(1).getEpochSecond(),
                moved.getSlotFirstRep().getReference());
        // the first slot is free again; the taken one cannot be moved into, and that changes nothing
        mine.read()
                .resource(Slot.class)
                .withId(schedule + "-" + World.tomorrowAt9(0).getEpochSecond())
                .execute();
        booked = mine.read().resource(Appointment.class).withId(id).execute();
        booked.setStart(java.util.Date.from(World.tomorrowAt9(2)));
        var taken = booked;
        assertThrows(
                ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException.class,
                () -> mine.update().resource(taken).execute());
        assertEquals(
                1,
                db.count(
                        "select count(*) from scheduling.booking where id = ? and start_at = ? and sequence = 1",
                        UUID.fromString(id),
                        World.tomorrowAt9(1).atOffset(java.time.ZoneOffset.UTC)));
    }

    @Test
    void shouldListTheRoomsAndDevicesABookingHoldsAsLocationAndDeviceParticipants() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("IN_PERSON"));
        String room = resource(hub, "ROOM", "Phòng hội chẩn 3");
        String cart = resource(hub, "DEVICE", "Xe siêu âm 1");
        var doctor = client(hub.doctor());

        var appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.addSlot(new Reference("Slot/" + FhirMapper.slotId(schedule, World.tomorrowAt9(4))));
        appointment.setAppointmentType(new CodeableConcept(new Coding(FhirMapper.MODE_SYSTEM, "IN_PERSON", null)));
        appointment.addParticipant().setActor(new Reference("Location/" + room));
        appointment.addParticipant().setActor(new Reference("Device/" + cart));
        String id = doctor.create().resource(appointment).execute().getId().getIdPart();

        Appointment read = doctor.read().resource(Appointment.class).withId(id).execute();
        var held = read.getParticipant().stream()
                .filter(p -> p.getRequired() == Appointment.ParticipantRequired.REQUIRED)
                .map(p -> p.getActor().getReference())
                .sorted()
                .toList();
        assertEquals(List.of("Device/" + cart, "Location/" + room), held);
        assertTrue(read.getParticipant().stream().anyMatch(p -> p.getActor()
                .getReference()
                .equals("Practitioner/" + hub.specialist().id())));
        assertEquals(
                2,
                db.count(
                        "select count(*) from scheduling.booking_resource where booking_id = ? and resource_id in"
                                + " (?, ?)",
                        UUID.fromString(id),
                        UUID.fromString(room),
                        UUID.fromString(cart)));

        // the same participants in a search answer, and a bad reference is refused before anything is booked
        Bundle found = doctor.search()
                .forResource(Appointment.class)
                .where(Appointment.PRACTITIONER.hasId(
                        "Practitioner/" + hub.specialist().id()))
                .returnBundle(Bundle.class)
                .execute();
        Appointment listed = (Appointment) found.getEntryFirstRep().getResource();
        assertTrue(listed.getParticipant().stream()
                .anyMatch(p -> p.getActor().getReference().equals("Location/" + room)));
        var bad = new Appointment();
        bad.setStatus(Appointment.AppointmentStatus.BOOKED);
        bad.addSlot(new Reference("Slot/" + FhirMapper.slotId(schedule, World.tomorrowAt9(5))));
        bad.setAppointmentType(new CodeableConcept(new Coding(FhirMapper.MODE_SYSTEM, "IN_PERSON", null)));
        bad.addParticipant().setActor(new Reference("Location/not-a-room"));
        assertThrows(
                InvalidRequestException.class,
                () -> doctor.create().resource(bad).execute());
        assertEquals(1, db.count("select count(*) from scheduling.booking where schedule_id = ?", schedule));
    }

    private String resource(World.Hub hub, String kind, String name) {
        return world.as(hub.coordinator())
                .body(java.util.Map.of("kind", kind, "name", name))
                .post("/api/scheduling/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void shouldListWhatIsServedInTheCapabilityStatementAndNameRoomsAsLocations() {
        var conformance =
                client(null).capabilities().ofType(CapabilityStatement.class).execute();
        assertEquals(Enumerations.FHIRVersion._4_0_1, conformance.getFhirVersion());
        var resources = conformance.getRestFirstRep().getResource();
        for (String type : List.of("Schedule", "Slot", "Appointment")) {
            assertTrue(resources.stream().anyMatch(r -> r.getType().equals(type)), type);
        }
        var slot = resources.stream()
                .filter(r -> r.getType().equals("Slot"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("schedule", "service-type", "start", "status"),
                slot.getSearchParam().stream().map(p -> p.getName()).toList());
        var appointment = resources.stream()
                .filter(r -> r.getType().equals("Appointment"))
                .findFirst()
                .orElseThrow();
        assertTrue(appointment.getInteraction().stream()
                .anyMatch(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.CREATE));

        var hub = world.hub();
        String room = world.as(hub.coordinator())
                .body(java.util.Map.of("kind", "ROOM", "name", "Phòng hội chẩn 2"))
                .post("/api/scheduling/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String schedule = world.as(hub.coordinator())
                .body(java.util.Map.of(
                        "resourceId",
                        room,
                        "kind",
                        "PATIENT_VISIT",
                        "serviceCode",
                        "ultrasound",
                        "modes",
                        List.of("IN_PERSON"),
                        "slotMinutes",
                        30,
                        "rules",
                        List.of(java.util.Map.of(
                                "rrule", "FREQ=DAILY",
                                "start", "08:00",
                                "end", "12:00",
                                "validFrom", java.time.LocalDate.now(World.VN).toString()))))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var staff = client(hub.coordinator());
        Schedule read = staff.read().resource(Schedule.class).withId(schedule).execute();
        assertEquals("Location/" + room, read.getActorFirstRep().getReference());
        Bundle byRoom = staff.search()
                .forResource(Schedule.class)
                .where(Schedule.ACTOR.hasId("Location/" + room))
                .returnBundle(Bundle.class)
                .execute();
        assertEquals(1, byRoom.getTotal());
    }

    @Test
    void shouldAnswerErrorsWithOperationOutcome() {
        var hub = world.hub();
        var staff = client(hub.coordinator());
        var unknown = assertThrows(InvalidRequestException.class, () -> staff.search()
                .byUrl("Slot?colour=blue")
                .returnBundle(Bundle.class)
                .execute());
        var outcome = (OperationOutcome) unknown.getOperationOutcome();
        assertEquals(
                OperationOutcome.IssueType.INVALID, outcome.getIssueFirstRep().getCode());
        assertTrue(outcome.getIssueFirstRep().getDiagnostics().contains("colour"));

        assertThrows(InvalidRequestException.class, () -> staff.search()
                .byUrl("Appointment?date=yesterday")
                .returnBundle(Bundle.class)
                .execute());
        var missing = assertThrows(ResourceNotFoundException.class, () -> staff.read()
                .resource(Schedule.class)
                .withId(UUID.randomUUID().toString())
                .execute());
        assertTrue(missing.getOperationOutcome() instanceof OperationOutcome);
        assertThrows(AuthenticationException.class, () -> client(null)
                .read()
                .resource(Appointment.class)
                .withId(UUID.randomUUID().toString())
                .execute());
        var patient = world.patient();
        var noSlot = new Appointment();
        noSlot.addParticipant().setActor(new Reference("Patient/" + patient.id()));
        assertThrows(
                InvalidRequestException.class,
                () -> client(patient).create().resource(noSlot).execute());
        var offGrid = new Appointment();
        offGrid.addSlot(new Reference("Slot/" + UUID.randomUUID() + "-123"));
        assertThrows(
                ResourceNotFoundException.class,
                () -> client(patient).create().resource(offGrid).execute());
        assertThrows(UnprocessableEntityException.class, () -> {
            var appointment = new Appointment();
            appointment.setStatus(Appointment.AppointmentStatus.ARRIVED);
            appointment.setId(UUID.randomUUID().toString());
            client(patient).update().resource(appointment).execute();
        });
    }
}
