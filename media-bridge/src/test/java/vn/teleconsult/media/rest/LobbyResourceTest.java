package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.media.testing.Poll;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class LobbyResourceTest {

    @Inject
    Participants participants;

    @Inject
    JanusPool pool;

    private UUID openVisit(UUID doctor, UUID patient) {
        Poll.until(Duration.ofSeconds(20), "Janus connected", () -> pool.healthy("main") || pool.healthy("second"));
        return participants.openVisit(doctor, patient);
    }

    @Test
    void shouldKeepPatientWaitingUntilTheDoctorAdmitsThem() {
        UUID doctor = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID room = openVisit(doctor, patient);
        String patientToken = participants.token(patient, Role.PATIENT);
        String doctorToken = participants.token(doctor, Role.HUB_SPECIALIST);

        given().auth()
                .oauth2(patientToken)
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(409)
                .body("waiting", equalTo(true));
        given().auth()
                .oauth2(patientToken)
                .post("/api/media/rooms/{id}/lobby", room)
                .then()
                .statusCode(202)
                .body("admitted", equalTo(false));
        given().auth()
                .oauth2(doctorToken)
                .get("/api/media/rooms/{id}/lobby", room)
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].userId", equalTo(patient.toString()));
        given().auth()
                .oauth2(doctorToken)
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(doctorToken)
                .post("/api/media/rooms/{id}/lobby/{user}/admit", room, patient)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(doctorToken)
                .get("/api/media/rooms/{id}/lobby", room)
                .then()
                .body("", hasSize(0));
        given().auth()
                .oauth2(patientToken)
                .post("/api/media/rooms/{id}/lobby", room)
                .then()
                .statusCode(200)
                .body("admitted", equalTo(true));
        given().auth()
                .oauth2(patientToken)
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(201);
    }

    @Test
    void shouldNeverLetAPatientIntoAnotherPatientsVisit() {
        UUID doctor = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID room = openVisit(doctor, patient);
        openVisit(doctor, other);
        String otherToken = participants.token(other, Role.PATIENT);
        given().auth()
                .oauth2(otherToken)
                .post("/api/media/rooms/{id}/lobby", room)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(otherToken)
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(otherToken)
                .get("/api/media/rooms/{id}", room)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldLetOnlyTheHostSeeAndAdmit() {
        UUID doctor = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID room = openVisit(doctor, patient);
        String patientToken = participants.token(patient, Role.PATIENT);
        given().auth()
                .oauth2(patientToken)
                .post("/api/media/rooms/{id}/lobby", room)
                .then()
                .statusCode(202);
        given().auth()
                .oauth2(patientToken)
                .get("/api/media/rooms/{id}/lobby", room)
                .then()
                .statusCode(403);
        String stranger = participants.token(UUID.randomUUID(), Role.HUB_SPECIALIST);
        given().auth()
                .oauth2(stranger)
                .get("/api/media/rooms/{id}/lobby", room)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(stranger)
                .post("/api/media/rooms/{id}/lobby/{user}/admit", room, patient)
                .then()
                .statusCode(404);
        String doctorToken = participants.token(doctor, Role.HUB_SPECIALIST);
        given().auth()
                .oauth2(doctorToken)
                .post("/api/media/rooms/{id}/lobby/{user}/admit", room, UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(doctorToken)
                .post("/api/media/rooms/{id}/lobby/{user}/admit", room, "not-a-uuid")
                .then()
                .statusCode(404);
        given().post("/api/media/rooms/{id}/lobby", room).then().statusCode(401);
    }
}
