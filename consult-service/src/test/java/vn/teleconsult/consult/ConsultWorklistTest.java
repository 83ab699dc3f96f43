package vn.teleconsult.consult;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.teleconsult.consult.ConsultNetwork.transition;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.service.Escalation;

/** Worklists by role, their order (urgency, then age), filters, paging and counts; SLA escalation; statistics. */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class ConsultWorklistTest {

    @Inject
    ConsultNetwork network;

    @Inject
    Escalation escalation;

    private static UUID submitted(ConsultNetwork.Net net, String urgency) {
        UUID id = ConsultNetwork.draft(net, urgency);
        transition(net.doctor(), id, Map.of("to", "SUBMITTED")).statusCode(200);
        return id;
    }

    @Test
    void shouldQueueByUrgencyThenAgeWithCountsAndPaging() {
        var net = network.create();
        UUID routine = submitted(net, "ROUTINE");
        UUID urgent = submitted(net, "URGENT");
        UUID emergency = submitted(net, "EMERGENCY"); // nobody on call: stays with the coordinator
        UUID olderRoutine = routine;
        UUID newerRoutine = submitted(net, "ROUTINE");
        UUID draft = ConsultNetwork.draft(net, "EMERGENCY");

        List<String> queue = given().auth()
                .oauth2(net.coordinator())
                .get("/api/consults")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("counts.SUBMITTED", equalTo(4))
                .body("items.id", not(hasItem(draft.toString())))
                .extract()
                .jsonPath()
                .getList("items.id");
        assertEquals(
                List.of(emergency.toString(), urgent.toString(), olderRoutine.toString(), newerRoutine.toString()),
                queue);
        given().auth()
                .oauth2(net.coordinator())
                .queryParam("urgency", "ROUTINE")
                .queryParam("limit", 1)
                .queryParam("offset", 1)
                .get("/api/consults")
                .then()
                .body("total", equalTo(2))
                .body("items.id", equalTo(List.of(newerRoutine.toString())));
        given().auth()
                .oauth2(net.doctor())
                .get("/api/consults")
                .then()
                .body("scope", equalTo("sent"))
                .body("total", equalTo(5))
                .body("counts.DRAFT", equalTo(1));
        given().auth()
                .oauth2(net.coordinator())
                .queryParam("state", "NOPE")
                .get("/api/consults")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(net.coordinator())
                .queryParam("limit", 100000)
                .get("/api/consults")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldShowOverdueConsultsAndEscalateThemToTheCoordinatorOnce() {
        var net = network.create();
        // in tests URGENT's target is zero (consult.sla.urgent=PT0S): overdue as soon as it is submitted
        UUID urgent = submitted(net, "URGENT");
        UUID routine = submitted(net, "ROUTINE");
        given().auth()
                .oauth2(net.coordinator())
                .queryParam("overdue", "true")
                .get("/api/consults")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(urgent.toString())))
                .body("items[0].overdue", equalTo(true));
        assertTrue(escalation.escalate(Instant.now()) >= 1);
        escalation.escalate(Instant.now());
        List<String> kinds = given().auth()
                .oauth2(net.coordinator())
                .get("/api/consults/notifications")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.consultId == '" + urgent + "' && it.kind == 'OVERDUE' }.kind");
        assertEquals(List.of("OVERDUE"), kinds);
        given().auth()
                .oauth2(net.coordinator())
                .get("/api/consults/{id}", routine)
                .then()
                .body("overdue", equalTo(false))
                .body("escalatedAt", equalTo(null));
    }

    @Test
    void shouldGiveAdministratorsTurnaroundPerHubAndSatellite() {
        var net = network.create();
        UUID accepted = ConsultNetwork.accepted(net, "ROUTINE");
        submitted(net, "ROUTINE");
        var rows = given().auth()
                .oauth2(net.admin())
                .get("/api/admin/consults/turnaround")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> hub = rows.getList("findAll { it.hospitalId == '" + net.hub() + "' }");
        assertEquals(1, hub.size());
        assertEquals("HUB", hub.get(0).get("side"));
        assertEquals(2, hub.get(0).get("requests"));
        assertTrue(((Number) hub.get(0).get("medianMinutesToAccept")).doubleValue() >= 0, accepted.toString());
        List<Map<String, Object>> satellite = rows.getList("findAll { it.hospitalId == '" + net.satellite() + "' }");
        assertEquals("SATELLITE", satellite.get(0).get("side"));
        given().auth()
                .oauth2(net.coordinator())
                .get("/api/admin/consults/turnaround")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(net.admin())
                .queryParam("from", "yesterday")
                .get("/api/admin/consults/turnaround")
                .then()
                .statusCode(400);
    }
}
