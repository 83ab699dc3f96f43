package vn.teleconsult.consult;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.teleconsult.consult.ConsultNetwork.transition;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may see and change which consult, and which steps the workflow refuses. */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class ConsultAccessTest {

    @Inject
    ConsultNetwork network;

    @Test
    void shouldAnswer404ForAnotherHospitalsConsultAndAuditTheDeniedAttempt() {
        var net = network.create();
        UUID id = ConsultNetwork.submitted(net, "ROUTINE");

        ConsultNetwork.signedIn(net.otherHospitalDoctor())
                .get("/api/consults/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        transition(net.otherHospitalDoctor(), id, Map.of("to", "CANCELLED", "reason", "x"))
                .statusCode(404);
        ConsultNetwork.signedIn(net.otherHospitalDoctor())
                .get("/api/consults/{id}/report/pdf", id)
                .then()
                .statusCode(404);
        ConsultNetwork.signedIn(net.admin())
                .queryParam("resourceId", id.toString())
                .queryParam("outcome", "DENIED")
                .get("/api/admin/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.action", hasItem("READ"))
                .body("items.action", hasItem("UPDATE"))
                .body("items.action", hasItem("EXPORT"));
        // and the consult is not on the other satellite's list
        ConsultNetwork.signedIn(net.otherHospitalDoctor())
                .get("/api/consults")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
    }

    @Test
    void shouldRefuseSkippingStatesWith409AndTheAllowedNextStates() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        transition(net.doctor(), id, Map.of("to", "ACCEPTED"))
                .statusCode(409)
                .body("state", equalTo("DRAFT"))
                .body("allowed", equalTo(List.of("SUBMITTED", "CANCELLED")));
        transition(net.doctor(), id, Map.of("to", "REPORTED")).statusCode(409);
        transition(net.doctor(), id, Map.of("to", "SUBMITTED")).statusCode(200);
        transition(net.doctor(), id, Map.of("to", "SUBMITTED")).statusCode(409);
        // a state reached through its own endpoint is named, once the state allows it
        UUID accepted = ConsultNetwork.accepted(net, "ROUTINE");
        transition(net.specialist(), accepted, Map.of("to", "SCHEDULED"))
                .statusCode(400)
                .body("detail", containsString("/session"));
        ConsultNetwork.signedIn(net.specialist())
                .post("/api/consults/{id}/session/start", accepted)
                .then()
                .statusCode(409)
                .body("allowed", hasItem("SCHEDULED"));
    }

    @Test
    void shouldLetOnlyTheAssignedSpecialistAcceptAndWrite() {
        var net = network.create();
        UUID id = ConsultNetwork.submitted(net, "URGENT");
        // the satellite cannot assign, a specialist cannot assign
        ConsultNetwork.assign(net.doctor(), id, net.specialistId()).statusCode(403);
        ConsultNetwork.assign(net.specialist(), id, net.specialistId()).statusCode(403);
        // a coordinator cannot assign someone who is no specialist of the hub
        ConsultNetwork.assign(net.coordinator(), id, net.doctorId()).statusCode(400);
        ConsultNetwork.assign(net.coordinator(), id, net.specialistId()).statusCode(200);
        transition(net.otherSpecialist(), id, Map.of("to", "ACCEPTED"))
                .statusCode(403)
                .body("title", equalTo("Not your step"));
        ConsultNetwork.as(net.otherSpecialist())
                .body(Map.of("body", "not mine"))
                .post("/api/consults/{id}/messages", id)
                .then()
                .statusCode(403);
        // declining needs a reason, and goes back to the coordinator
        transition(net.specialist(), id, Map.of("to", "DECLINED")).statusCode(400);
        transition(net.specialist(), id, Map.of("to", "DECLINED", "reason", "Ngoài chuyên môn"))
                .statusCode(200)
                .body("state", equalTo("DECLINED"))
                .body("specialistId", equalTo(null));
        ConsultNetwork.assign(net.coordinator(), id, net.otherSpecialistId()).statusCode(200);
        transition(net.otherSpecialist(), id, Map.of("to", "ACCEPTED")).statusCode(200);
    }

    @Test
    void shouldRefuseMalformedAndUnauthorizedRequests() {
        var net = network.create();
        given().get("/api/consults").then().statusCode(401);
        ConsultNetwork.signedIn(net.admin()).get("/api/consults").then().statusCode(403);
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/not-a-uuid")
                .then()
                .statusCode(400);
        ConsultNetwork.as(net.doctor())
                .body("{\"patient\": {")
                .post("/api/consults")
                .then()
                .statusCode(400);
        var body = ConsultNetwork.request(net, "SOMETIMES", List.of());
        ConsultNetwork.as(net.doctor())
                .body(body)
                .post("/api/consults")
                .then()
                .statusCode(400)
                .body("detail", containsString("urgency"));
        // only hubs linked to the satellite
        var unlinked = ConsultNetwork.request(net, "ROUTINE", List.of());
        unlinked.put("hubId", UUID.randomUUID().toString());
        ConsultNetwork.as(net.doctor())
                .body(unlinked)
                .post("/api/consults")
                .then()
                .statusCode(400)
                .body("detail", containsString("hubId"));
        // a study not in the hospital's store
        ConsultNetwork.as(net.doctor())
                .body(ConsultNetwork.request(net, "ROUTINE", List.of("1.2.3.4.5.6.7")))
                .post("/api/consults")
                .then()
                .statusCode(400)
                .body("detail", containsString("studyUids"));
        // coordinators do not create consults
        ConsultNetwork.as(net.coordinator())
                .body(ConsultNetwork.request(net, "ROUTINE", List.of()))
                .post("/api/consults")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldStoreMarkupAsPlainText() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        ConsultNetwork.as(net.doctor())
                .body(Map.of("body", "<img src=x onerror=alert(1)>"))
                .post("/api/consults/{id}/messages", id)
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("body", equalTo("<img src=x onerror=alert(1)>"));
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}", id)
                .then()
                .contentType(ContentType.JSON)
                .body("clinicalSummary", containsString("<script>alert('x')</script>"));
    }
}
