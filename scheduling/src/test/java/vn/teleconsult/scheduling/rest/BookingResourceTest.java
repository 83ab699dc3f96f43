package vn.teleconsult.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.Db;
import vn.teleconsult.scheduling.GreenMailResource;
import vn.teleconsult.scheduling.TestDirectory;
import vn.teleconsult.scheduling.World;

@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class BookingResourceTest {

    @Inject
    World world;

    @Inject
    Db db;

    @Inject
    TestDirectory directory;

    private long bookingsOf(UUID schedule) {
        return db.count("select count(*) from scheduling.booking where schedule_id = ?", schedule);
    }

    private long takenOf(UUID resource) {
        return db.count("select count(*) from scheduling.booking_resource where resource_id = ?", resource);
    }

    @Test
    void shouldBookFreeSlotAndRefuseTakenSlotNamingIt() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        Instant start = World.tomorrowAt9(0);
        world.as(hub.doctor())
                .body(World.booking(schedule, start, "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .body("status", equalTo("BOOKED"))
                .body("timeZone", equalTo("Asia/Ho_Chi_Minh"))
                .body("localStart", containsString("T09:00:00+07:00"))
                .body("participantIds", hasItem(hub.specialist().id().toString()));
        world.as(hub.coordinator())
                .body(World.booking(schedule, start, "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Slot taken"))
                .body("slot.start", equalTo(start.toString()))
                .body("slot.scheduleId", equalTo(schedule.toString()))
                .body("slot.resourceId", equalTo(hub.specialist().id().toString()));
        assertEquals(1, bookingsOf(schedule));
    }

    @Test
    void shouldBookEachSlotExactlyOnceUnderConcurrentRequests() throws Exception {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        Instant start = World.tomorrowAt9(1);
        var doctors = new ArrayList<String>();
        var doctorIds = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            var doctor = world.person(Role.SATELLITE_DOCTOR, hub.satellite());
            doctors.add(world.token(doctor));
            doctorIds.add(doctor.id().toString());
        }
        var pool = Executors.newFixedThreadPool(12);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (String token : doctors) {
                calls.add(() -> given().auth()
                        .oauth2(token)
                        .contentType("application/json")
                        .body(World.booking(schedule, start, "VIDEO"))
                        .post("/api/scheduling/bookings")
                        .statusCode());
            }
            var statuses = new ArrayList<Integer>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(11, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, bookingsOf(schedule));
        assertEquals(1, takenOf(hub.specialist().id()));
        // the audit entry commits with the booking: one for the booking made, none for the eleven refused
        assertEquals(
                1,
                db.count(
                        "select count(*) from audit.audit_event where action = 'CREATE' and resource_type = 'Booking'"
                                + " and actor_id = any (?)",
                        (Object) doctorIds.toArray(String[]::new)));
    }

    @Test
    void shouldTakeAllResourcesOrNone() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO", "IN_PERSON"));
        var other = world.person(Role.HUB_SPECIALIST, hub.id());
        UUID otherSchedule = world.schedule(hub, other.id(), "CONSULT_SESSION", List.of("IN_PERSON"), "FREQ=DAILY");
        String room = world.as(hub.coordinator())
                .body(Map.of("kind", "ROOM", "name", "Phòng hội chẩn 1"))
                .post("/api/scheduling/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Instant start = World.tomorrowAt9(2);
        var first = new HashMap<String, Object>(World.booking(otherSchedule, start, "IN_PERSON"));
        first.put("resourceIds", List.of(room));
        world.as(hub.doctor())
                .body(first)
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .body("resourceIds", hasItem(room));
        var second = new HashMap<String, Object>(World.booking(schedule, start, "IN_PERSON"));
        second.put("resourceIds", List.of(room));
        world.as(hub.doctor())
                .body(second)
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(409)
                .body("slot.resourceId", equalTo(room));
        assertEquals(0, bookingsOf(schedule));
        assertEquals(0, takenOf(hub.specialist().id()), "the specialist's time must not be taken without the room");
    }

    @Test
    void shouldAnswerTheSameBookingForARepeatedIdempotencyKey() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        Instant start = World.tomorrowAt9(3);
        String token = world.token(hub.doctor());
        String first = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .header("Idempotency-Key", "req-1")
                .body(World.booking(schedule, start, "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .header("Idempotency-Key", "req-1")
                .body(World.booking(schedule, start, "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .header("Idempotency-Key", "req-1")
                .body(World.booking(schedule, World.tomorrowAt9(4), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(422);
        assertEquals(1, bookingsOf(schedule));
    }

    @Test
    void shouldHoldThenConfirmAndRefuseAnExpiredHold() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        Instant start = World.tomorrowAt9(5);
        String hold = world.as(hub.doctor())
                .body(World.booking(schedule, start, "VIDEO"))
                .post("/api/scheduling/holds")
                .then()
                .statusCode(201)
                .body("status", equalTo("HELD"))
                .body("holdExpiresAt", notNullValue())
                .extract()
                .path("id");
        // a held slot is not free for others
        world.as(hub.coordinator())
                .body(World.booking(schedule, start, "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(409);
        var confirm = new HashMap<String, Object>(World.booking(schedule, start, "VIDEO"));
        confirm.put("holdId", hold);
        world.as(hub.doctor())
                .body(confirm)
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .body("id", equalTo(hold))
                .body("status", equalTo("BOOKED"));

        Instant later = World.tomorrowAt9(6);
        String expiring = world.hold(hub.doctor(), schedule, later);
        db.expireHold(expiring);
        var late = new HashMap<String, Object>(World.booking(schedule, later, "VIDEO"));
        late.put("holdId", expiring);
        world.as(hub.doctor())
                .body(late)
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(409)
                .body("title", equalTo("Hold expired"));
        // the refused confirmation booked nothing; the hold stays HELD unless the dispatcher's sweep (every second
        // in tests) has already marked it EXPIRED
        assertEquals(
                1,
                db.count(
                        "select count(*) from scheduling.booking where id = ? and status in ('HELD', 'EXPIRED')",
                        UUID.fromString(expiring)));
        // the expired hold no longer blocks anybody
        world.as(hub.coordinator())
                .body(World.booking(schedule, later, "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRescheduleAndCancelWithReason() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        String id = world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(7), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        world.as(hub.doctor())
                .body(Map.of("start", World.tomorrowAt9(8).toString()))
                .post("/api/scheduling/bookings/" + id + "/reschedule")
                .then()
                .statusCode(200)
                .body("start", equalTo(World.tomorrowAt9(8).toString()))
                .body("sequence", equalTo(1));
        // the old slot is free again
        world.as(hub.coordinator())
                .body(World.booking(schedule, World.tomorrowAt9(7), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201);
        world.as(hub.doctor())
                .body(Map.of("reason", "Bệnh nhân chuyển viện"))
                .post("/api/scheduling/bookings/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("Bệnh nhân chuyển viện"));
        world.as(hub.doctor())
                .body(Map.of("reason", "again"))
                .post("/api/scheduling/bookings/" + id + "/cancel")
                .then()
                .statusCode(409);
        assertEquals(
                0,
                db.count("select count(*) from scheduling.booking_resource where booking_id = ?", UUID.fromString(id)));
    }

    @Test
    void shouldRefuseSlotsInThePastBeyondTheHorizonOrOffTheGrid() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(-96), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(422)
                .body("title", equalTo("Slot in the past"));
        world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(48 * 40), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(422)
                .body("title", equalTo("Beyond the booking horizon"));
        world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(0).plusSeconds(600), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(422)
                .body("title", equalTo("Not a slot"));
        world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(0), "IN_PERSON"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(422)
                .body("title", equalTo("Mode not offered"));
        assertEquals(0, bookingsOf(schedule));
    }

    @Test
    void shouldRefuseBookingsFromUnlinkedHospitalsStrangersAndBadBodies() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        UUID stranger = directory.hospital(HospitalKind.SATELLITE);
        world.as(world.person(Role.SATELLITE_DOCTOR, stranger))
                .body(World.booking(schedule, World.tomorrowAt9(0), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(World.booking(schedule, World.tomorrowAt9(0), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(401);
        world.as(hub.doctor())
                .body("{\"scheduleId\": ")
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(400);
        world.as(hub.doctor())
                .body(Map.of("scheduleId", schedule, "start", "tomorrow", "mode", "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(400);
        var tooMany = new HashMap<String, Object>(World.booking(schedule, World.tomorrowAt9(0), "VIDEO"));
        var people = new ArrayList<String>();
        for (int i = 0; i < 21; i++) {
            people.add(UUID.randomUUID().toString());
        }
        tooMany.put("participantIds", people);
        world.as(hub.doctor())
                .body(tooMany)
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(400);
        world.as(hub.doctor())
                .header("Idempotency-Key", "k".repeat(201))
                .body(World.booking(schedule, World.tomorrowAt9(0), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(400);
        assertEquals(0, bookingsOf(schedule));
    }

    @Test
    void shouldHideOthersBookingsAndRefuseToCancelThem() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        String id = world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(9), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var outsider = world.person(Role.SATELLITE_DOCTOR, hub.satellite());
        world.as(outsider).get("/api/scheduling/bookings/" + id).then().statusCode(404);
        world.as(outsider)
                .body(Map.of("reason", "not mine"))
                .post("/api/scheduling/bookings/" + id + "/cancel")
                .then()
                .statusCode(404);
        var otherHub = world.hub();
        world.as(otherHub.coordinator())
                .body(Map.of("reason", "not ours"))
                .post("/api/scheduling/bookings/" + id + "/cancel")
                .then()
                .statusCode(404);
        world.as(hub.specialist()).get("/api/scheduling/bookings/" + id).then().statusCode(200);
        assertEquals(
                1,
                db.count(
                        "select count(*) from scheduling.booking where id = ? and status = 'BOOKED'",
                        UUID.fromString(id)));
        // the refused read and the two refused cancels
        assertEquals(
                3,
                db.count(
                        "select count(*) from audit.audit_event where resource_id = ? and outcome = 'DENIED'"
                                + " and action = 'READ'",
                        id));
    }
}
