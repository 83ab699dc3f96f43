package vn.teleconsult.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.scheduling.Db;
import vn.teleconsult.scheduling.GreenMailResource;
import vn.teleconsult.scheduling.World;

@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class SlotAndPatientTest {

    @Inject
    World world;

    @Inject
    Db db;

    @Test
    void shouldSearchFreeSlotsLeavingOutBookingsAndLeave() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        Instant from = World.tomorrowAt9(0);
        Instant to = World.tomorrowAt9(6);
        world.as(hub.doctor())
                .queryParam("hospital", hub.id().toString())
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .body("$", hasSize(6))
                .body("[0].timeZone", equalTo("Asia/Ho_Chi_Minh"))
                .body("[0].localStart", containsString("T09:00:00+07:00"));
        world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(1), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201);
        world.as(hub.coordinator())
                .body(Map.of(
                        "start",
                        World.tomorrowAt9(4).toString(),
                        "end",
                        World.tomorrowAt9(6).toString(),
                        "reason",
                        "Nghỉ phép"))
                .post("/api/scheduling/resources/" + hub.specialist().id() + "/exceptions")
                .then()
                .statusCode(204);
        world.as(hub.doctor())
                .queryParam("practitioner", hub.specialist().id().toString())
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("start", not(hasItem(World.tomorrowAt9(1).toString())))
                .body("start", not(hasItem(World.tomorrowAt9(4).toString())));
        world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(4), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(409)
                .body("title", equalTo("Resource unavailable"));
    }

    @Test
    void shouldRefuseBadSearches() {
        var hub = world.hub();
        var bad = List.of(
                Map.of(
                        "from",
                        World.tomorrowAt9(4).toString(),
                        "to",
                        World.tomorrowAt9(0).toString()),
                Map.of("from", World.tomorrowAt9(0).toString()),
                Map.of("from", "yesterday", "to", World.tomorrowAt9(0).toString()),
                Map.of(
                        "from",
                        World.tomorrowAt9(0).toString(),
                        "to",
                        World.tomorrowAt9(48 * 40).toString()),
                Map.of(
                        "from",
                        World.tomorrowAt9(0).toString(),
                        "to",
                        World.tomorrowAt9(4).toString(),
                        "mode",
                        "TELEPATHY"),
                Map.of(
                        "from",
                        World.tomorrowAt9(0).toString(),
                        "to",
                        World.tomorrowAt9(4).toString(),
                        "limit",
                        "100000"));
        for (var params : bad) {
            world.as(hub.doctor())
                    .queryParams(params)
                    .get("/api/scheduling/slots")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void shouldLetPatientsFindAndBookVisitsAndSeeOnlyTheirOwn() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "PATIENT_VISIT", List.of("VIDEO", "IN_PERSON"));
        var patient = world.patient();
        var otherPatient = world.patient();
        given().queryParam("hospital", hub.id().toString())
                .queryParam("from", World.tomorrowAt9(0).toString())
                .queryParam("to", World.tomorrowAt9(2).toString())
                .get("/api/scheduling/public/slots")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].kind", equalTo("PATIENT_VISIT"));
        // video only for conditions allowed for remote care
        var video = new HashMap<String, Object>(World.booking(schedule, World.tomorrowAt9(0), "VIDEO"));
        video.put("reasonCode", "S72.0");
        world.as(patient)
                .body(video)
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(422)
                .body("offeredModes", hasItem("IN_PERSON"));
        video.put("reasonCode", "E11.9");
        String id = world.as(patient)
                .body(video)
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .body("patientId", equalTo(patient.id().toString()))
                .body("mode", equalTo("VIDEO"))
                .extract()
                .path("id");
        world.as(otherPatient)
                .body(World.booking(schedule, World.tomorrowAt9(1), "IN_PERSON"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201);
        world.as(patient)
                .get("/api/scheduling/bookings/mine")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id));
        world.as(otherPatient).get("/api/scheduling/bookings/" + id).then().statusCode(404);
        world.as(otherPatient)
                .body(Map.of("reason", "not mine"))
                .post("/api/scheduling/bookings/" + id + "/cancel")
                .then()
                .statusCode(404);
        // a patient cannot book consult sessions, nor staff patient visits
        UUID sessions = world.schedule(
                hub,
                world.person(vn.teleconsult.platform.security.Role.HUB_SPECIALIST, hub.id())
                        .id(),
                "CONSULT_SESSION",
                List.of("VIDEO"),
                "FREQ=DAILY");
        world.as(patient)
                .body(World.booking(sessions, World.tomorrowAt9(3), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(403);
        world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(3), "IN_PERSON"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(403);
        world.as(patient).get("/api/scheduling/bookings/" + id).then().statusCode(200);
        assertEquals(
                2,
                db.count(
                        "select count(*) from audit.audit_event where resource_id = ? and patient_ref = ?",
                        id,
                        patient.id().toString()));
        assertEquals(
                1,
                db.count(
                        "select count(*) from scheduling.booking where id = ? and status = 'BOOKED'",
                        UUID.fromString(id)));
    }
}
