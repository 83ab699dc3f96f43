package vn.teleconsult.consult;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.teleconsult.consult.ConsultNetwork.transition;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.api.ReviewSessions;

/**
 * PRODUCT.md journeys 1, 2 and 4 through the API, against real PostgreSQL, the real scheduling, image-share and
 * media-bridge modules, and a real Janus: request with a CT study and a document, triage, accept, book, start and
 * join the session, the thread, the signed report read by the satellite as PDF and FHIR, close, and the audit trail.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class ConsultJourneyTest {

    @Inject
    ConsultNetwork network;

    @Inject
    ReviewSessions reviews;

    @Test
    void shouldRunARequestFromTheSatelliteToASignedHubReport() throws Exception {
        var net = network.create();

        // Journey 1: the satellite doctor stores a CT study, requests the consult with it, attaches a PDF, submits
        String study = ConsultNetwork.storeStudy(net);
        UUID id = UUID.fromString(ConsultNetwork.as(net.doctor())
                .body(ConsultNetwork.request(net, "URGENT", List.of(study)))
                .post("/api/consults")
                .then()
                .statusCode(201)
                .body("state", equalTo("DRAFT"))
                .body("studyUids", hasItem(study))
                .body("clinicalSummary", containsString("<script>alert('x')</script>"))
                .body("allowedNext", hasItems("SUBMITTED", "CANCELLED"))
                .extract()
                .path("id"));
        ConsultNetwork.signedIn(net.doctor())
                .multiPart("file", "ecg.pdf", Documents.PDF, "application/pdf")
                .post("/api/consults/{id}/documents", id)
                .then()
                .statusCode(201)
                .body("mediaType", equalTo("application/pdf"));
        // the hub does not see drafts
        ConsultNetwork.signedIn(net.coordinator())
                .get("/api/consults/{id}", id)
                .then()
                .statusCode(404);
        transition(net.doctor(), id, Map.of("to", "SUBMITTED"))
                .statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("acceptDueAt", notNullValue());

        // Journey 2: the coordinator sees it on the hub queue and assigns the specialist, who accepts and books
        ConsultNetwork.signedIn(net.coordinator())
                .get("/api/consults")
                .then()
                .statusCode(200)
                .body("scope", equalTo("hub-queue"))
                .body("items.id", hasItem(id.toString()))
                .body("counts.SUBMITTED", greaterThanOrEqualTo(1));
        ConsultNetwork.assign(net.coordinator(), id, net.specialistId())
                .statusCode(200)
                .body("specialistId", equalTo(net.specialistId().toString()));
        ConsultNetwork.signedIn(net.specialist())
                .get("/api/consults")
                .then()
                .statusCode(200)
                .body("scope", equalTo("my-cases"))
                .body("items.id", hasItem(id.toString()));
        // the study is now shared with the specialist through image-share's grants
        ConsultNetwork.signedIn(net.specialist())
                .accept("application/dicom+json")
                .get("/dicom-web/studies/{study}/metadata", study)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        transition(net.specialist(), id, Map.of("to", "ACCEPTED")).statusCode(200);
        String schedule = ConsultNetwork.schedule(net);
        ConsultNetwork.as(net.specialist())
                .body(Map.of("scheduleId", schedule, "start", ConsultNetwork.firstSlot(net, schedule)))
                .post("/api/consults/{id}/session", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("SCHEDULED"))
                .body("bookingId", notNullValue());
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/notifications")
                .then()
                .statusCode(200)
                .body("kind", hasItems("ACCEPTED", "SESSION_BOOKED"));

        // Journey 3's entry: the session starts (a real Janus room) and each member gets what it needs to join
        ConsultNetwork.signedIn(net.specialist())
                .post("/api/consults/{id}/session/start", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("IN_SESSION"));
        for (String token : List.of(net.doctor(), net.specialist())) {
            String grantPath = ConsultNetwork.signedIn(token)
                    .get("/api/consults/{id}/session/join", id)
                    .then()
                    .statusCode(200)
                    .body("reviewSocketPath", equalTo("/api/imaging/review/" + id))
                    .body("studyUids", hasItem(study))
                    .extract()
                    .path("grantPath");
            ConsultNetwork.signedIn(token)
                    .post(grantPath)
                    .then()
                    .statusCode(201)
                    .body("token", notNullValue())
                    .body("server", containsString("ws://127.0.0.1"));
        }
        // the review session of the study is open in image-share, for the members, the specialist presenting
        var review = reviews.find(id).orElseThrow();
        assertEquals("OPEN", review.state());
        assertEquals(List.of(study), review.studyUids());
        assertTrue(review.memberUserIds().containsAll(List.of(net.doctorId(), net.specialistId())));
        assertEquals(net.specialistId(), review.presenterUserId());
        ConsultNetwork.signedIn(net.otherSpecialist())
                .get("/api/consults/{id}/session/join", id)
                .then()
                .statusCode(403);

        // the case thread
        ConsultNetwork.as(net.specialist())
                .body(Map.of("body", "Xin gửi thêm men tim lúc vào viện."))
                .post("/api/consults/{id}/messages", id)
                .then()
                .statusCode(201);
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/notifications?unread=true")
                .then()
                .body("kind", hasItem("NEW_MESSAGE"));

        // Journey 4: the specialist writes and signs; the satellite reads the report, its PDF and FHIR, and closes
        ConsultNetwork.as(net.specialist())
                .body(Map.of(
                        "findings", "Hẹp nặng động mạch liên thất trước đoạn gần.",
                        "assessment", "Hội chứng vành cấp nguy cơ cao.",
                        "conclusions", "Có chỉ định can thiệp mạch vành qua da trong 24 giờ.",
                        "recommendations", "Chuyển tuyến trung ương; tiếp tục kháng kết tập tiểu cầu kép."))
                .put("/api/consults/{id}/report", id)
                .then()
                .statusCode(200)
                .body("signedAt", equalTo(null));
        ConsultNetwork.signedIn(net.specialist())
                .post("/api/consults/{id}/report/sign", id)
                .then()
                .statusCode(200)
                .body("signedBy", equalTo(net.specialistId().toString()));
        assertEquals("CLOSED", reviews.find(id).orElseThrow().state());
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}/report", id)
                .then()
                .statusCode(200)
                .body("conclusions", containsString("can thiệp mạch vành"));
        byte[] pdf = ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}/report/pdf", id)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("BIÊN BẢN HỘI CHẨN"), text);
            assertTrue(text.contains("Nguyễn Văn Ánh"), text);
            assertTrue(text.contains("Có chỉ định can thiệp mạch vành qua da trong 24 giờ."), text);
        }
        ConsultNetwork.signedIn(net.doctor())
                .get("/fhir/DiagnosticReport/{id}", id)
                .then()
                .statusCode(200)
                .body("resourceType", equalTo("DiagnosticReport"))
                .body("status", equalTo("final"));
        ConsultNetwork.signedIn(net.doctor())
                .get("/fhir/Task/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"));
        ConsultNetwork.signedIn(net.doctor())
                .get("/fhir/ServiceRequest/{id}", id)
                .then()
                .statusCode(200)
                .body("priority", equalTo("urgent"))
                .body("status", equalTo("completed"));
        transition(net.doctor(), id, Map.of("to", "CLOSED"))
                .statusCode(200)
                .body("state", equalTo("CLOSED"))
                .body(
                        "history.to",
                        equalTo(List.of(
                                "SUBMITTED", "ASSIGNED", "ACCEPTED", "SCHEDULED", "IN_SESSION", "REPORTED", "CLOSED")));

        // every access to the case is in the audit trail, by patient key (never the name)
        String patientKey = ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}", id)
                .then()
                .extract()
                .path("patient.key");
        var readers = ConsultNetwork.signedIn(net.admin())
                .queryParam("patient", patientKey)
                .queryParam("action", "READ")
                .queryParam("limit", 1000)
                .get("/api/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> actors = readers.getList("items.actorId");
        assertTrue(actors.contains(net.doctorId().toString()));
        assertTrue(actors.contains(net.specialistId().toString()));
        assertTrue(actors.contains(net.coordinatorId().toString()));
        assertEquals(
                List.of(),
                readers.getList("items.detail").stream()
                        .filter(d -> d != null && d.toString().contains("Nguyễn"))
                        .toList());
    }
}
