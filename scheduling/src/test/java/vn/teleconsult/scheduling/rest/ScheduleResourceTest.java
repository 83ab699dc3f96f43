package vn.teleconsult.scheduling.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
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
class ScheduleResourceTest {

    @Inject
    World world;

    @Inject
    Db db;

    private static Map<String, Object> rule(String rrule, String start, String end) {
        return Map.of(
                "rrule",
                rrule,
                "start",
                start,
                "end",
                end,
                "validFrom",
                LocalDate.now().toString());
    }

    private static Map<String, Object> schedule(UUID practitioner, Object... overrides) {
        var body = new HashMap<String, Object>(Map.of(
                "practitionerId",
                practitioner,
                "kind",
                "CONSULT_SESSION",
                "serviceCode",
                "cardiology-teleconsult",
                "modes",
                List.of("VIDEO"),
                "slotMinutes",
                30,
                "rules",
                List.of(rule("FREQ=WEEKLY;BYDAY=MO,WE", "14:00", "17:00"))));
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    private long schedulesOf(UUID practitioner) {
        return db.count("select count(*) from scheduling.schedule where resource_id = ?", practitioner);
    }

    @Test
    void shouldCreateWeeklyScheduleInHoChiMinhTimeByDefault() {
        var hub = world.hub();
        world.as(hub.coordinator())
                .body(schedule(hub.specialist().id()))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(201)
                .body("timeZone", equalTo("Asia/Ho_Chi_Minh"))
                .body("rules[0].rrule", equalTo("FREQ=WEEKLY;BYDAY=MO,WE"))
                .body("rules[0].start", equalTo("14:00:00"))
                .body("rules[0].timeZone", equalTo("Asia/Ho_Chi_Minh"));
    }

    @Test
    void shouldRefuseBadRulesAndChangeNothing() {
        var hub = world.hub();
        UUID who = hub.specialist().id();
        var bad = List.of(
                schedule(who, "rules", List.of(rule("FREQ=WEEKLY;BYDAY=MO", "17:00", "14:00"))),
                schedule(who, "slotMinutes", 0),
                schedule(who, "slotMinutes", -30),
                schedule(who, "timeZone", "Asia/Saigon_Nowhere"),
                schedule(who, "rules", List.of(rule("FREQ=SOMETIMES;BYDAY=XX", "14:00", "17:00"))),
                schedule(who, "rules", List.of(rule("BYDAY=MO", "14:00", "17:00"))),
                schedule(
                        who,
                        "rules",
                        List.of(
                                rule("FREQ=WEEKLY;BYDAY=MO,WE", "14:00", "17:00"),
                                rule("FREQ=WEEKLY;BYDAY=WE,FR", "16:00", "18:00"))));
        var expected = List.of(400, 400, 400, 400, 400, 400, 409);
        for (int i = 0; i < bad.size(); i++) {
            world.as(hub.coordinator())
                    .body(bad.get(i))
                    .post("/api/scheduling/schedules")
                    .then()
                    .statusCode(expected.get(i))
                    .contentType("application/problem+json");
        }
        assertEquals(0, schedulesOf(who));
    }

    @Test
    void shouldRefuseARuleOverlappingAnotherScheduleOfTheSamePractitioner() {
        var hub = world.hub();
        UUID who = hub.specialist().id();
        world.as(hub.coordinator())
                .body(schedule(who))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(201);
        world.as(hub.coordinator())
                .body(schedule(who, "kind", "PATIENT_VISIT", "rules", List.of(rule("FREQ=DAILY", "16:30", "18:00"))))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(409)
                .body("title", equalTo("Overlapping availability"))
                .body("detail", containsString("(Asia/Ho_Chi_Minh)"));
        assertEquals(1, schedulesOf(who));
        // the same hours on other days are fine
        world.as(hub.coordinator())
                .body(schedule(
                        who, "kind", "PATIENT_VISIT", "rules", List.of(rule("FREQ=WEEKLY;BYDAY=TU", "14:00", "17:00"))))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldLetOnlyTheHubsOwnStaffManageItsSchedules() {
        var hub = world.hub();
        var other = world.hub();
        world.as(other.coordinator())
                .body(schedule(hub.specialist().id()))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(400);
        world.as(hub.doctor())
                .body(schedule(hub.specialist().id()))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(403);
        var colleague = world.person(vn.teleconsult.platform.security.Role.HUB_SPECIALIST, hub.id());
        world.as(hub.specialist())
                .body(schedule(colleague.id()))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(403);
        io.restassured.RestAssured.given()
                .contentType("application/json")
                .body(schedule(hub.specialist().id()))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(401);
        assertEquals(0, schedulesOf(hub.specialist().id()));
        assertEquals(0, schedulesOf(colleague.id()));
    }

    @Test
    void shouldShowSchedulesOnlyToTheHubsOwnStaffAndItsLinkedSatellites() {
        var hub = world.hub();
        var other = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        for (var reader : List.of(hub.coordinator(), hub.specialist(), hub.doctor())) {
            world.as(reader).get("/api/scheduling/schedules/" + schedule).then().statusCode(200);
            world.as(reader)
                    .queryParam("hospital", hub.id())
                    .get("/api/scheduling/schedules")
                    .then()
                    .statusCode(200)
                    .body("id", org.hamcrest.Matchers.hasItem(schedule.toString()));
        }
        for (var stranger : List.of(other.coordinator(), other.specialist(), other.doctor())) {
            world.as(stranger)
                    .get("/api/scheduling/schedules/" + schedule)
                    .then()
                    .statusCode(404);
            world.as(stranger)
                    .queryParam("hospital", hub.id())
                    .get("/api/scheduling/schedules")
                    .then()
                    .statusCode(404);
            world.as(stranger).get("/fhir/Schedule/" + schedule).then().statusCode(404);
            world.as(stranger)
                    .queryParam("_id", schedule.toString())
                    .get("/fhir/Schedule")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(0));
        }
    }
}
