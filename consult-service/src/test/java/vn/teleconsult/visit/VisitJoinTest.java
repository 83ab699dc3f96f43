package vn.teleconsult.visit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.ConsultJanus;
import vn.teleconsult.consult.ConsultNetwork;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/**
 * A patient's video visit against real Janus: the first to join opens the room, both land in the same one, the
 * patient waits until the doctor admits them; strangers, cancelled, in-person and not-yet-open visits are refused.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class VisitJoinTest {

    @Inject
    Fixtures fixtures;

    private UUID hospital;
    private String doctor;
    private UUID doctorId;
    private String patient;
    private UUID patientId;
    private String schedule;

    @BeforeEach
    void visitSchedule() {
        hospital = fixtures.hospital(HospitalKind.HUB);
        String doctorName = fixtures.user(Role.HUB_SPECIALIST, hospital);
        doctor = Fixtures.token(doctorName);
        doctorId = fixtures.userId(doctorName);
        String patientName = fixtures.user(Role.PATIENT, null);
        patient = Fixtures.token(patientName);
        patientId = fixtures.userId(patientName);
        // 5-minute slots all day: the next free slot always starts within the 15 minutes before a visit opens.
        schedule = ConsultNetwork.visitSchedule(doctor, doctorId, null);
    }

    private static io.restassured.specification.RequestSpecification json(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private String slot(Instant from) {
        List<String> starts = given().auth()
                .oauth2(patient)
                .queryParam("schedule", schedule)
                .queryParam("kind", "PATIENT_VISIT")
                .queryParam("from", from.toString())
                .queryParam("to", from.plus(Duration.ofDays(2)).toString())
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("start");
        return starts.get(0);
    }

    private String book(String start, String mode) {
        return json(patient)
                .body(Map.of("scheduleId", schedule, "start", start, "mode", mode, "reasonCode", "I10"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private io.restassured.response.ValidatableResponse join(String token, String booking) {
        return given().auth()
                .oauth2(token)
                .post("/api/visits/{id}/join", booking)
                .then();
    }

    @Test
    void shouldPutPatientAndDoctorInOneRoomWithTheDoctorAdmittingThePatient() throws Exception {
        String booking = book(slot(Instant.now().plusSeconds(5)), "VIDEO");

        // Both join at the same moment: one opens the room, the other waits for it and gets the same one.
        var asPatient = CompletableFuture.supplyAsync(() -> join(patient, booking)
                .statusCode(200)
                .body("role", equalTo("PATIENT"))
                .extract()
                .jsonPath());
        var asDoctor = CompletableFuture.supplyAsync(() -> join(doctor, booking)
                .statusCode(200)
                .body("role", equalTo("HOST"))
                .body("lobbyPath", nullValue())
                .extract()
                .jsonPath());
        String room = asPatient.get().getString("roomId");
        assertEquals(room, asDoctor.get().getString("roomId"));
        assertEquals(room, join(patient, booking).statusCode(200).extract().path("roomId"));
        String lobby = asPatient.get().getString("lobbyPath");
        assertEquals("/api/media/rooms/" + room + "/lobby", lobby);
        assertEquals("Asia/Ho_Chi_Minh", asPatient.get().getString("timeZone"));

        // the room belongs to the booking's hospital: its coordinators see it, another hospital's do not
        given().auth()
                .oauth2(Fixtures.token(fixtures.user(Role.COORDINATOR, hospital)))
                .get("/api/media/rooms/{id}", room)
                .then()
                .statusCode(200)
                .body("kind", equalTo("VISIT"));
        given().auth()
                .oauth2(Fixtures.token(fixtures.user(Role.COORDINATOR, fixtures.hospital(HospitalKind.HUB))))
                .get("/api/media/rooms/{id}", room)
                .then()
                .statusCode(404);

        given().auth().oauth2(patient).post(lobby).then().statusCode(202).body("admitted", equalTo(false));
        given().auth()
                .oauth2(doctor)
                .get(lobby)
                .then()
                .statusCode(200)
                .body("userId", org.hamcrest.Matchers.hasItem(patientId.toString()));
        given().auth()
                .oauth2(doctor)
                .post(lobby + "/{user}/admit", patientId)
                .then()
                .statusCode(204);
        given().auth().oauth2(patient).post(lobby).then().statusCode(200).body("admitted", equalTo(true));
        given().auth()
                .oauth2(patient)
                .post(asPatient.get().getString("grantPath"))
                .then()
                .statusCode(201)
                .body("token", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    @Test
    void shouldRefuseStrangersAndVisitsThatCannotBeJoined() {
        String booking = book(slot(Instant.now().plusSeconds(5)), "VIDEO");
        String stranger = Fixtures.token(fixtures.user(Role.PATIENT, null));
        join(stranger, booking).statusCode(404).contentType("application/problem+json");
        join(Fixtures.token(fixtures.user(Role.HUB_SPECIALIST, hospital)), booking)
                .statusCode(404);
        join(patient, UUID.randomUUID().toString()).statusCode(404);
        join(patient, "not-a-booking").statusCode(404);
        given().post("/api/visits/{id}/join", booking).then().statusCode(401);
        given().auth()
                .oauth2(Fixtures.token(fixtures.user(Role.ADMIN, null)))
                .post("/api/visits/{id}/join", booking)
                .then()
                .statusCode(403);

        String later = book(slot(Instant.now().plus(Duration.ofHours(25))), "VIDEO");
        join(patient, later).statusCode(409).body("detail", containsString("opens 15 minutes before"));

        String inPerson = book(slot(Instant.now().plus(Duration.ofHours(30))), "IN_PERSON");
        join(patient, inPerson).statusCode(404);

        json(patient)
                .body(Map.of("reason", "Đã khỏe hơn"))
                .post("/api/scheduling/bookings/{id}/cancel", booking)
                .then()
                .statusCode(200);
        join(patient, booking).statusCode(409).body("detail", containsString("cancelled"));
    }
}
