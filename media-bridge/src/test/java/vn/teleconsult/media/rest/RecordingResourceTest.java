package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.api.VideoRooms;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.media.testing.Poll;
import vn.teleconsult.platform.security.Role;

/**
 * Recording is asked for by the host or an operator, and starts only once each participant consented for themself
 * (finding 2 of issue 14: never from a list the caller types); only members read it.
 */
@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class RecordingResourceTest {

    @Inject
    Participants participants;

    @Inject
    VideoRooms videoRooms;

    @Inject
    DataSource dataSource;

    private UUID openConsult(UUID... users) {
        participants.awaitJanus();
        return participants.openConsult(users);
    }

    private static ValidatableResponse request(String token, UUID room) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post("/api/media/rooms/{id}/recording", room).then();
    }

    private static ValidatableResponse consent(String token, UUID room) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post("/api/media/rooms/{id}/recording/consent", room).then();
    }

    @Test
    void shouldRecordOnlyOnceEveryParticipantConsentedForThemself() throws SQLException {
        UUID specialist = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        UUID room = openConsult(specialist, doctor);
        String system = participants.system();
        String specialistToken = participants.token(specialist, Role.HUB_SPECIALIST);
        String doctorToken = participants.token(doctor, Role.SATELLITE_DOCTOR);
        given().auth()
                .oauth2(system)
                .get("/api/media/rooms/{id}", room)
                .then()
                .statusCode(200)
                .body("recording", nullValue());
        consent(doctorToken, room).statusCode(409).body("detail", containsString("Nobody has asked"));

        // a consent list the caller types is no consent: the recording waits for the participants themselves
        given().auth()
                .oauth2(system)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "consentedBy",
                        Set.of(doctor, specialist),
                        "consentedAt",
                        Instant.now().toString()))
                .post("/api/media/rooms/{id}/recording", room)
                .then()
                .statusCode(200)
                .body("recording", equalTo("REQUESTED"));
        request(specialistToken, room).statusCode(409).body("detail", containsString("already"));
        request(null, room).statusCode(401);
        consent(null, room).statusCode(401);
        consent(system, room).statusCode(403);
        consent(participants.token(UUID.randomUUID(), Role.HUB_SPECIALIST), room)
                .statusCode(404);

        consent(doctorToken, room).statusCode(200).body("recording", equalTo("REQUESTED"));
        consent(doctorToken, room).statusCode(200).body("recording", equalTo("REQUESTED"));
        assertEquals(1, consented(room), "only the caller's own consent is kept");
        consent(specialistToken, room)
                .statusCode(200)
                .body("recording", equalTo("RECORDING"))
                .body(not(containsString("consentedBy")));
        assertEquals(2, consented(room));
        consent(specialistToken, room).statusCode(200).body("recording", equalTo("RECORDING"));
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select count(*) from audit.audit_event"
                        + " where resource_id = ? and resource_type = 'media-recording' and detail = 'consent'")) {
            statement.setString(1, room.toString());
            var result = statement.executeQuery();
            result.next();
            assertEquals(2, result.getInt(1), "each consent audited once");
        }
    }

    @Test
    void shouldLetTheHostAskAndCancelARequestNobodyCompleted() {
        UUID specialist = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        UUID room = openConsult(specialist, doctor);
        request(participants.token(doctor, Role.SATELLITE_DOCTOR), room).statusCode(403);
        request(participants.token(specialist, Role.HUB_SPECIALIST), room)
                .statusCode(200)
                .body("recording", equalTo("REQUESTED"));
        consent(participants.token(doctor, Role.SATELLITE_DOCTOR), room).statusCode(200);
        videoRooms.close(room);
        assertEquals("CANCELLED", participants.roomField(room, "recording"));
        consent(participants.token(specialist, Role.HUB_SPECIALIST), room)
                .statusCode(409)
                .body("detail", containsString("ended"));
    }

    @Test
    void shouldShowRecordingsOnlyToMembersAndRefuseRecordingAClosedRoom() {
        UUID doctor = UUID.randomUUID();
        UUID room = openConsult(doctor);
        String system = participants.system();
        assertEquals("REQUESTED", videoRooms.requestRecording(room, "test").recording());
        consent(participants.token(doctor, Role.SATELLITE_DOCTOR), room)
                .statusCode(200)
                .body("recording", equalTo("RECORDING"));
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
        request(system, closed).statusCode(409).body("detail", containsString("ended"));
        List<Object> none = given().auth()
                .oauth2(system)
                .get("/api/media/rooms/{id}/recordings", closed)
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertTrue(none.isEmpty());
    }

    private int consented(UUID room) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select count(*) from media.room_participant"
                        + " where room_id = ? and recording_consent_at is not null")) {
            statement.setObject(1, room);
            var result = statement.executeQuery();
            result.next();
            return result.getInt(1);
        }
    }
}
