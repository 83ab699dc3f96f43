package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.media.testing.Poll;
import vn.teleconsult.platform.security.Role;

/** Recording needs every participant's consent, only systems and coordinators start it, only members read it. */
@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class RecordingResourceTest {

    @Inject
    Participants participants;

    @Inject
    JanusPool pool;

    private UUID openConsult(UUID... users) {
        participants.awaitJanus();
        return participants.openConsult(users);
    }

    private ValidatableResponse record(String token, UUID room, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post("/api/media/rooms/{id}/recording", room).then();
    }

    private static Map<String, Object> consent(Set<UUID> users, Instant at) {
        return Map.of("consentedBy", users, "consentedAt", at.toString());
    }

    @Test
    void shouldBeOffByDefaultAndRefuseRecordingWithoutEveryParticipantsConsent() {
        UUID doctor = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID room = openConsult(doctor, specialist);
        String system = participants.system();
        given().auth()
                .oauth2(system)
                .get("/api/media/rooms/{id}", room)
                .then()
                .statusCode(200)
                .body("recording", nullValue());
        Instant now = Instant.now();

        record(system, room, "{\"consentedBy\":").statusCode(400);
        record(system, room, Map.of("consentedBy", Set.of(doctor, specialist)))
                .statusCode(400)
                .body("detail", containsString("consentedAt"));
        record(system, room, consent(Set.of(doctor), now))
                .statusCode(400)
                .body("detail", containsString("every participant must consent"));
        record(system, room, consent(Set.of(doctor, specialist, UUID.randomUUID()), now))
                .statusCode(400)
                .body("detail", containsString("Not participants"));
        record(system, room, consent(Set.of(doctor, specialist), now.plus(Duration.ofHours(1))))
                .statusCode(400)
                .body("detail", containsString("future"));
        record(null, room, consent(Set.of(doctor, specialist), now)).statusCode(401);
        record(participants.token(doctor, Role.SATELLITE_DOCTOR), room, consent(Set.of(doctor, specialist), now))
                .statusCode(403);
        record(system, UUID.randomUUID(), consent(Set.of(doctor, specialist), now))
                .statusCode(404);
        // nothing of the refused requests was kept
        given().auth().oauth2(system).get("/api/media/rooms/{id}", room).then().body("recording", nullValue());

        record(system, room, consent(Set.of(doctor, specialist), now))
                .statusCode(200)
                .body("recording", equalTo("RECORDING"));
        record(system, room, consent(Set.of(doctor, specialist), now))
                .statusCode(409)
                .body("detail", containsString("already"));
    }

    @Test
    void shouldShowRecordingsOnlyToMembersAndRefuseRecordingAClosedRoom() {
        UUID doctor = UUID.randomUUID();
        UUID room = openConsult(doctor);
        String system = participants.system();
        record(system, room, consent(Set.of(doctor), Instant.now())).statusCode(200);
        given().auth()
                .oauth2(participants.token(doctor, Role.SATELLITE_DOCTOR))
                .get("/api/media/rooms/{id}/recordings", room)
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        given().auth()
                .oauth2(participants.token(UUID.randomUUID(), Role.HUB_SPECIALIST))
                .get("/api/media/rooms/{id}/recordings", room)
                .then()
                .statusCode(404);
        given().get("/api/media/rooms/{id}/recordings", room).then().statusCode(401);
        given().auth()
                .oauth2(participants.token(doctor, Role.SATELLITE_DOCTOR))
                .get("/api/media/rooms/{id}/recordings/{file}", room, UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(participants.token(doctor, Role.SATELLITE_DOCTOR))
                .get("/api/media/rooms/{id}/recordings/{file}", room, "not-a-uuid")
                .then()
                .statusCode(404);

        // nobody joined: closing converts nothing and the (empty) recording is ready
        given().auth()
                .oauth2(system)
                .delete("/api/media/rooms/{id}", room)
                .then()
                .statusCode(200);
        Poll.until(Duration.ofSeconds(20), "recording converted", () -> "READY"
                .equals(participants.roomField(room, "recording")));
        UUID closed = openConsult(doctor);
        given().auth()
                .oauth2(system)
                .delete("/api/media/rooms/{id}", closed)
                .then()
                .statusCode(200);
        record(system, closed, consent(Set.of(doctor), Instant.now()))
                .statusCode(409)
                .body("detail", containsString("ended"));
        List<Object> none = given().auth()
                .oauth2(system)
                .get("/api/media/rooms/{id}/recordings", closed)
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertTrue(none.isEmpty());
    }
}
