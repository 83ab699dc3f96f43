package vn.teleconsult.consult;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void shouldQueueByUrgencyThenAgeWithCountsAndPaging() {
        var net = network.create();
        UUID routine = ConsultNetwork.submitted(net, "ROUTINE");
        UUID urgent = ConsultNetwork.submitted(net, "URGENT");
        UUID emergency = ConsultNetwork.submitted(net, "EMERGENCY"); // nobody on call: stays with the coordinator
        UUID olderRoutine = routine;
        UUID newerRoutine = ConsultNetwork.submitted(net, "ROUTINE");
        UUID draft = ConsultNetwork.draft(net, "EMERGENCY");

        List<String> queue = ConsultNetwork.signedIn(net.coordinator())
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
        ConsultNetwork.signedIn(net.coordinator())
                .queryParam("urgency", "ROUTINE")
                .queryParam("limit", 1)
                .queryParam("offset", 1)
                .get("/api/consults")
                .then()
                .body("total", equalTo(2))
                .body("items.id", equalTo(List.of(newerRoutine.toString())));
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults")
                .then()
                .body("scope", equalTo("sent"))
                .body("total", equalTo(5))
                .body("counts.DRAFT", equalTo(1));
        ConsultNetwork.signedIn(net.coordinator())
                .queryParam("state", "NOPE")
                .get("/api/consults")
                .then()
                .statusCode(400);
        ConsultNetwork.signedIn(net.coordinator())
                .queryParam("limit", 100000)
                .get("/api/consults")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldShowOverdueConsultsAndEscalateThemToTheCoordinatorOnce() {
        var net = network.create();
        // in tests URGENT's target is zero (consult.sla.urgent=PT0S): overdue as soon as it is submitted
        UUID urgent = ConsultNetwork.submitted(net, "URGENT");
        UUID routine = ConsultNetwork.submitted(net, "ROUTINE");
        ConsultNetwork.signedIn(net.coordinator())
                .queryParam("overdue", "true")
                .get("/api/consults")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(urgent.toString())))
                .body("items[0].overdue", equalTo(true));
        assertTrue(escalation.escalate(Instant.now()) >= 1);
        escalation.escalate(Instant.now());
        List<String> kinds = ConsultNetwork.signedIn(net.coordinator())
                .get("/api/consults/notifications")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.consultId == '" + urgent + "' && it.kind == 'OVERDUE' }.kind");
        assertEquals(List.of("OVERDUE"), kinds);
        ConsultNetwork.signedIn(net.coordinator())
                .get("/api/consults/{id}", routine)
                .then()
                .body("overdue", equalTo(false))
                .body("escalatedAt", equalTo(null));
    }

    @Test
    void shouldGiveAdministratorsTurnaroundPerHubAndSatellite() {
        var net = network.create();
        UUID accepted = ConsultNetwork.accepted(net, "ROUTINE");
        ConsultNetwork.submitted(net, "ROUTINE");
        var rows = ConsultNetwork.signedIn(net.admin())
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
        ConsultNetwork.signedIn(net.coordinator())
                .get("/api/admin/consults/turnaround")
                .then()
                .statusCode(403);
        ConsultNetwork.signedIn(net.admin())
                .queryParam("from", "yesterday")
                .get("/api/admin/consults/turnaround")
                .then()
                .statusCode(400);
    }
}
