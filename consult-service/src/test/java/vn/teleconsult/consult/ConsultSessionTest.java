package vn.teleconsult.consult;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.teleconsult.consult.ConsultNetwork.transition;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/** EMERGENCY to the specialist on call, bookings cancelled in scheduling, cancelled consults, the signed report. */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class ConsultSessionTest {

    @Inject
    ConsultNetwork network;

    @Inject
    Fixtures fixtures;

    @Test
    void shouldSendAnEmergencyStraightToTheSpecialistOnCallAndBookAnUrgentSession() {
        var net = network.create();
        ConsultNetwork.as(net.coordinator())
                .body(Map.of(
                        "practitionerId", net.specialistId().toString(),
                        "specialty", "Tim mạch",
                        "start", Instant.now().minus(Duration.ofHours(1)).toString(),
                        "end", Instant.now().plus(Duration.ofHours(8)).toString()))
                .post("/api/scheduling/oncall")
                .then()
                .statusCode(201);
        UUID id = ConsultNetwork.draft(net, "EMERGENCY");
        transition(net.doctor(), id, Map.of("to", "SUBMITTED"))
                .statusCode(200)
                .body("state", equalTo("ASSIGNED"))
                .body("specialistId", equalTo(net.specialistId().toString()))
                .body("history[1].actorRole", equalTo("SYSTEM"));
        ConsultNetwork.signedIn(net.specialist())
                .get("/api/consults/notifications")
                .then()
                .body("kind", hasItem("ASSIGNED_EMERGENCY"));
        transition(net.specialist(), id, Map.of("to", "ACCEPTED")).statusCode(200);
        ConsultNetwork.as(net.doctor())
                .body(Map.of("urgent", true, "minutes", 30))
                .post("/api/consults/{id}/session", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("SCHEDULED"))
                .body("history[-1].reason", equalTo("urgent session"));
    }

    @Test
    void shouldGoBackToAcceptedWhenTheBookingIsCancelledInScheduling() {
        var net = network.create();
        UUID id = ConsultNetwork.accepted(net, "ROUTINE");
        String schedule = ConsultNetwork.schedule(net);
        // malformed and conflicting bookings change nothing
        ConsultNetwork.as(net.specialist())
                .body(Map.of("scheduleId", schedule))
                .post("/api/consults/{id}/session", id)
                .then()
                .statusCode(400);
        String bookingId = ConsultNetwork.as(net.specialist())
                .body(Map.of("scheduleId", schedule, "start", ConsultNetwork.firstSlot(net, schedule)))
                .post("/api/consults/{id}/session", id)
                .then()
                .statusCode(200)
                .extract()
                .path("bookingId");
        ConsultNetwork.as(net.specialist())
                .body(Map.of("reason", "Chuyên gia bận mổ cấp cứu"))
                .post("/api/scheduling/bookings/{id}/cancel", bookingId)
                .then()
                .statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "ACCEPTED"
                .equals(ConsultNetwork.signedIn(net.doctor())
                        .get("/api/consults/{id}", id)
                        .then()
                        .extract()
                        .path("state")));
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}", id)
                .then()
                .body("bookingId", equalTo(null))
                .body("history[-1].reason", containsString("CANCELLED"));
    }

    @Test
    void shouldCancelAConsultInSessionAndCloseItsRoom() {
        var net = network.create();
        UUID id = ConsultNetwork.inSession(net);
        transition(net.doctor(), id, Map.of("to", "CANCELLED")).statusCode(400);
        transition(net.doctor(), id, Map.of("to", "CANCELLED", "reason", "Bệnh nhân chuyển viện"))
                .statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("allowedNext", equalTo(List.of()));
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}/session/join", id)
                .then()
                .statusCode(409);
        transition(net.doctor(), id, Map.of("to", "SUBMITTED")).statusCode(409).body("allowed", equalTo(List.of()));
    }

    @Test
    void shouldRecordARunningSessionOnlyOnceEveryMemberConsentedForThemself() {
        var net = network.create();
        UUID id = ConsultNetwork.inSession(net);
        String path = "/api/consults/{id}/session/recording";
        String room = ConsultNetwork.signedIn(net.specialist())
                .get("/api/consults/{id}/session/join", id)
                .then()
                .statusCode(200)
                .extract()
                .path("roomId");
        String consentPath = "/api/media/rooms/{room}/recording/consent";

        ConsultNetwork.signedIn(net.doctor()).post(path, id).then().statusCode(403);
        ConsultNetwork.signedIn(net.otherSpecialist()).post(path, id).then().statusCode(403);
        ConsultNetwork.signedIn(net.specialist())
                .get("/api/consults/{id}/session/recordings", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        ConsultNetwork.signedIn(net.doctor()).post(consentPath, room).then().statusCode(409);

        // a consent list in the body is no consent: each member confirms for themself
        var everyone = List.of(net.doctorId(), net.coordinatorId(), net.specialistId());
        ConsultNetwork.as(net.specialist())
                .body(Map.of(
                        "consentedBy", everyone, "consentedAt", Instant.now().toString()))
                .post(path, id)
                .then()
                .statusCode(200)
                .body("recording", equalTo("REQUESTED"))
                .body("referenceId", equalTo(id.toString()));
        ConsultNetwork.signedIn(net.specialist()).post(path, id).then().statusCode(409);
        ConsultNetwork.signedIn(net.otherHospitalDoctor())
                .post(consentPath, room)
                .then()
                .statusCode(404);
        ConsultNetwork.signedIn(net.doctor())
                .post(consentPath, room)
                .then()
                .statusCode(200)
                .body("recording", equalTo("REQUESTED"));
        ConsultNetwork.signedIn(net.coordinator())
                .post(consentPath, room)
                .then()
                .statusCode(200)
                .body("recording", equalTo("REQUESTED"));
        ConsultNetwork.signedIn(net.specialist())
                .post(consentPath, room)
                .then()
                .statusCode(200)
                .body("recording", equalTo("RECORDING"));
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}/session/recordings", id)
                .then()
                .statusCode(200);
        ConsultNetwork.signedIn(net.otherHospitalDoctor())
                .get("/api/consults/{id}/session/recordings", id)
                .then()
                .statusCode(404);
    }

    /** Finding 2 of issue 14: the consult's room belongs to its satellite and hub, and to no other hospital. */
    @Test
    void shouldShowTheSessionsRoomToItsOwnHospitalsOnly() {
        var net = network.create();
        UUID id = ConsultNetwork.inSession(net);
        String room = ConsultNetwork.signedIn(net.specialist())
                .get("/api/consults/{id}/session/join", id)
                .then()
                .statusCode(200)
                .extract()
                .path("roomId");
        String hubCoordinator = Fixtures.token(fixtures.user(Role.COORDINATOR, net.hub()));
        String otherHub = Fixtures.token(fixtures.user(Role.COORDINATOR, fixtures.hospital(HospitalKind.HUB)));
        ConsultNetwork.signedIn(hubCoordinator)
                .get("/api/media/rooms/{room}", room)
                .then()
                .statusCode(200)
                .body("referenceId", equalTo(id.toString()));
        ConsultNetwork.signedIn(otherHub)
                .get("/api/media/rooms/{room}", room)
                .then()
                .statusCode(404);
        ConsultNetwork.signedIn(otherHub)
                .get("/api/media/rooms/{room}/attendance", room)
                .then()
                .statusCode(404);
        ConsultNetwork.signedIn(otherHub)
                .delete("/api/media/rooms/{room}", room)
                .then()
                .statusCode(404);
        ConsultNetwork.signedIn(otherHub)
                .post("/api/media/rooms/{room}/recording", room)
                .then()
                .statusCode(404);
        ConsultNetwork.signedIn(net.specialist())
                .get("/api/media/rooms/{room}", room)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("recording", equalTo(null));
    }

    @Test
    void shouldKeepASignedReportImmutableAndTakeAddenda() throws Exception {
        var net = network.create();
        UUID id = ConsultNetwork.inSession(net);
        Map<String, Object> report = Map.of("findings", "Không thấy tổn thương cấp tính.", "conclusions", "Theo dõi.");
        ConsultNetwork.as(net.otherSpecialist())
                .body(report)
                .put("/api/consults/{id}/report", id)
                .then()
                .statusCode(403);
        ConsultNetwork.as(net.doctor())
                .body(report)
                .put("/api/consults/{id}/report", id)
                .then()
                .statusCode(403);
        ConsultNetwork.as(net.specialist())
                .body(Map.of("findings", "Chưa xong"))
                .put("/api/consults/{id}/report", id)
                .then()
                .statusCode(200);
        // no conclusions yet: cannot sign
        ConsultNetwork.signedIn(net.specialist())
                .post("/api/consults/{id}/report/sign", id)
                .then()
                .statusCode(409);
        ConsultNetwork.as(net.specialist())
                .body(report)
                .put("/api/consults/{id}/report", id)
                .then()
                .statusCode(200);
        ConsultNetwork.signedIn(net.specialist())
                .post("/api/consults/{id}/report/sign", id)
                .then()
                .statusCode(200)
                .body("signedAt", notNullValue());
        ConsultNetwork.as(net.specialist())
                .body(Map.of("findings", "changed", "conclusions", "changed"))
                .put("/api/consults/{id}/report", id)
                .then()
                .statusCode(409)
                .body("title", equalTo("Report signed"));
        ConsultNetwork.signedIn(net.specialist())
                .post("/api/consults/{id}/report/sign", id)
                .then()
                .statusCode(409);
        ConsultNetwork.as(net.specialist())
                .body(Map.of("body", "Đính chính: theo dõi thêm 48 giờ."))
                .post("/api/consults/{id}/report/addenda", id)
                .then()
                .statusCode(201)
                .body("findings", equalTo("Không thấy tổn thương cấp tính."))
                .body("addenda[0].body", equalTo("Đính chính: theo dõi thêm 48 giờ."));
        ConsultNetwork.signedIn(net.doctor())
                .get("/fhir/DiagnosticReport/{id}", id)
                .then()
                .body("status", equalTo("appended"));
        byte[] pdf = ConsultNetwork.signedIn(net.coordinator())
                .get("/api/consults/{id}/report/pdf", id)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Đính chính: theo dõi thêm 48 giờ."), text);
            assertTrue(text.contains("Không thấy tổn thương cấp tính."), text);
        }
    }
}
