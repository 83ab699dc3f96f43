package vn.teleconsult.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.scheduling.Db;
import vn.teleconsult.scheduling.GreenMailResource;
import vn.teleconsult.scheduling.World;

/** No-show, the sweep of expired holds, the on-call roster read, and leave with a backwards range. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class BookingLifecycleTest {

    @Inject
    World world;

    @Inject
    Db db;

    private String book(World.Hub hub, UUID schedule, Instant start) {
        return world.as(hub.doctor())
                .body(World.booking(schedule, start, "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private boolean hasStatus(String booking, String status) {
        return db.count(
                        "select count(*) from scheduling.booking where id = ? and status = ?",
                        UUID.fromString(booking),
                        status)
                == 1;
    }

    /** Moves a booking into the past, as if its time had come (the API refuses to book the past). */
    private void started(String booking) {
        db.update(
                "update scheduling.booking set start_at = now() - interval '10 minutes', end_at = now() + interval '20"
                        + " minutes' where id = ?",
                UUID.fromString(booking));
    }

    @Test
    void shouldRecordANoShowOnlyAfterTheStartAndOnlyByTheHubsStaff() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        String id = book(hub, schedule, World.tomorrowAt9(11));
        String noShow = "/api/scheduling/bookings/" + id + "/no-show";

        // not started yet
        world.as(hub.coordinator()).post(noShow).then().statusCode(409).contentType("application/problem+json");
        assertTrue(hasStatus(id, "BOOKED"));

        started(id);
        // the satellite doctor who booked it is no hub staff; another hub's coordinator does not see it
        world.as(hub.doctor()).post(noShow).then().statusCode(403);
        world.as(world.hub().coordinator()).post(noShow).then().statusCode(404);
        given().contentType("application/json").post(noShow).then().statusCode(401);
        assertTrue(hasStatus(id, "BOOKED"));

        world.as(hub.specialist()).post(noShow).then().statusCode(200).body("status", equalTo("NO_SHOW"));
        assertTrue(hasStatus(id, "NO_SHOW"));
        // once only; and a no-show keeps the time it took (nobody else is booked into the past)
        world.as(hub.coordinator()).post(noShow).then().statusCode(409);
        world.as(hub.coordinator())
                .body(Map.of("reason", "too late"))
                .post("/api/scheduling/bookings/" + id + "/cancel")
                .then()
                .statusCode(409);
        assertTrue(hasStatus(id, "NO_SHOW"));
        assertEquals(
                1, db.count("select count(*) from audit.audit_event where resource_id = ? and detail = 'no-show'", id));

        // a cancelled booking never becomes a no-show
        String cancelled = book(hub, schedule, World.tomorrowAt9(12));
        world.as(hub.doctor())
                .body(Map.of("reason", "không cần nữa"))
                .post("/api/scheduling/bookings/" + cancelled + "/cancel")
                .then()
                .statusCode(200);
        started(cancelled);
        world.as(hub.coordinator())
                .post("/api/scheduling/bookings/" + cancelled + "/no-show")
                .then()
                .statusCode(409);
    }

    @Test
    void shouldReleaseExpiredHoldsInTheSweepSoTheirSlotIsBookableAgain() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        Instant start = World.tomorrowAt9(13);
        String hold = world.hold(hub.doctor(), schedule, start);
        var free = Map.of(
                "schedule", schedule.toString(),
                "from", start.toString(),
                "to", start.plus(Duration.ofMinutes(30)).toString());
        world.as(hub.coordinator())
                .queryParams(free)
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .body("start", not(hasItem(start.toString())));

        db.expireHold(hold);
        // the dispatcher (every second in tests) sweeps it: EXPIRED, its time rows deleted
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.count(
                                "select count(*) from scheduling.booking where id = ? and status = 'EXPIRED'",
                                UUID.fromString(hold))
                        == 1);
        assertEquals(
                0,
                db.count(
                        "select count(*) from scheduling.booking_resource where booking_id = ?",
                        UUID.fromString(hold)));
        world.as(hub.coordinator())
                .queryParams(free)
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .body("start", hasItem(start.toString()));
        // its holder cannot confirm it any more; someone else books the slot
        world.as(hub.doctor())
                .body(Map.of("scheduleId", schedule, "start", start.toString(), "mode", "VIDEO", "holdId", hold))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(409)
                .body("title", equalTo("Hold expired"));
        world.as(hub.coordinator())
                .body(World.booking(schedule, start, "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .body("status", equalTo("BOOKED"));
    }

    @Test
    void shouldAnswerWhoIsOnCallNowAndRefuseBadRosterRequests() {
        var hub = world.hub();
        Instant now = Instant.now();
        world.onCall(
                        hub.coordinator(),
                        hub.specialist().id(),
                        "Neurology",
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofHours(3)))
                .statusCode(201);
        for (var asker : List.of(hub.doctor(), hub.coordinator(), hub.specialist())) {
            world.as(asker)
                    .queryParams(Map.of("hub", hub.id().toString(), "specialty", "neurology"))
                    .get("/api/scheduling/oncall")
                    .then()
                    .statusCode(200)
                    .body("practitionerId", equalTo(hub.specialist().id().toString()));
        }
        // another hub's staff and a doctor of a satellite not linked to the hub are not told (as for no shift)
        var other = world.hub();
        for (var stranger : List.of(other.coordinator(), other.specialist(), other.doctor())) {
            world.as(stranger)
                    .queryParams(Map.of("hub", hub.id().toString(), "specialty", "neurology"))
                    .get("/api/scheduling/oncall")
                    .then()
                    .statusCode(404);
        }
        world.as(hub.doctor())
                .queryParams(Map.of("hub", hub.id().toString(), "specialty", "dermatology"))
                .get("/api/scheduling/oncall")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        world.as(hub.doctor())
                .queryParams(Map.of("specialty", "neurology"))
                .get("/api/scheduling/oncall")
                .then()
                .statusCode(400);
        world.as(hub.doctor())
                .queryParams(Map.of("hub", "not-a-hub", "specialty", "neurology"))
                .get("/api/scheduling/oncall")
                .then()
                .statusCode(400);
        world.as(world.patient())
                .queryParams(Map.of("hub", hub.id().toString(), "specialty", "neurology"))
                .get("/api/scheduling/oncall")
                .then()
                .statusCode(403);
        given().queryParams(Map.of("hub", hub.id().toString(), "specialty", "neurology"))
                .get("/api/scheduling/oncall")
                .then()
                .statusCode(401);

        // a shift that ends before it starts, or one given by a specialist, is refused and stored nowhere
        world.onCall(
                        hub.coordinator(),
                        hub.specialist().id(),
                        "oncology",
                        now.plus(Duration.ofHours(5)),
                        now.plus(Duration.ofHours(4)))
                .statusCode(400);
        world.onCall(
                        hub.specialist(),
                        hub.specialist().id(),
                        "oncology",
                        now.plus(Duration.ofHours(4)),
                        now.plus(Duration.ofHours(5)))
                .statusCode(403);
        assertEquals(
                0,
                db.count(
                        "select count(*) from scheduling.oncall_shift where hospital_id = ? and specialty = 'oncology'",
                        hub.id()));
    }

    @Test
    void shouldRefuseLeaveThatEndsBeforeItStarts() {
        var hub = world.hub();
        world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO")); // the specialist becomes a bookable resource
        Instant start = World.tomorrowAt9(0);
        world.as(hub.coordinator())
                .body(Map.of(
                        "start", start.toString(),
                        "end", start.minus(Duration.ofHours(2)).toString(),
                        "reason", "Nghỉ phép"))
                .post("/api/scheduling/resources/" + hub.specialist().id() + "/exceptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertEquals(
                0,
                db.count(
                        "select count(*) from scheduling.availability_exception where resource_id = ?",
                        hub.specialist().id()));
    }
}
