package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.platform.security.Role;

/**
 * Finding 2 of issue 14: coordinators and system clients act only on their own hospitals' rooms, participants on
 * their rooms; everyone else gets the same 404 as for a room that does not exist, and every refusal is audited
 * (finding 5).
 */
@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class MediaTenancyTest {

    /** Every operation on a room, as method and path. */
    private static final List<String[]> OPERATIONS = List.of(
            new String[] {"GET", "/api/media/rooms/{id}"},
            new String[] {"GET", "/api/media/rooms/{id}/attendance"},
            new String[] {"GET", "/api/media/rooms/{id}/recordings"},
            new String[] {"GET", "/api/media/rooms/{id}/recordings/" + UUID.randomUUID()},
            new String[] {"POST", "/api/media/rooms/{id}/recording"},
            new String[] {"POST", "/api/media/rooms/{id}/recording/consent"},
            new String[] {"POST", "/api/media/rooms/{id}/grants"},
            new String[] {"POST", "/api/media/rooms/{id}/lobby"},
            new String[] {"GET", "/api/media/rooms/{id}/lobby"},
            new String[] {"POST", "/api/media/rooms/{id}/lobby/" + UUID.randomUUID() + "/admit"},
            new String[] {"DELETE", "/api/media/rooms/{id}"});

    @Inject
    Participants participants;

    @Inject
    DataSource dataSource;

    private static Response call(String token, String method, String path, UUID room) {
        return given().auth().oauth2(token).request(method, path, room);
    }

    @Test
    void shouldAnswerOtherHospitalsCoordinatorsAndSystemsAsIfTheRoomDidNotExist() throws SQLException {
        participants.awaitJanus();
        UUID satellite = UUID.randomUUID();
        UUID hub = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        UUID room = participants.openConsultOf(Set.of(satellite, hub), specialist, doctor);
        UUID missing = UUID.randomUUID();

        List<String> strangers = List.of(
                participants.token(UUID.randomUUID(), Role.COORDINATOR, elsewhere),
                participants.systemOf(elsewhere),
                participants.systemOf(null),
                participants.token(UUID.randomUUID(), Role.HUB_SPECIALIST, hub),
                participants.token(UUID.randomUUID(), Role.SATELLITE_DOCTOR, satellite),
                participants.token(UUID.randomUUID(), Role.PATIENT));
        long deniedBefore = denied(room);
        int refusals = 0;
        for (String token : strangers) {
            for (String[] op : OPERATIONS) {
                Response existing = call(token, op[0], op[1], room);
                Response absent = call(token, op[0], op[1], missing);
                assertEquals(absent.statusCode(), existing.statusCode(), op[0] + " " + op[1]);
                String body = existing.asString();
                assertEquals(
                        absent.asString().replace(missing.toString(), room.toString()),
                        body,
                        op[0] + " " + op[1] + ": the same answer as for no room");
                assertFalse(body.contains(doctor.toString()) || body.contains(specialist.toString()), body);
                if (existing.statusCode() == 404) {
                    refusals++;
                } else {
                    assertEquals(403, existing.statusCode(), "role refused before the room is looked at");
                }
            }
        }
        assertTrue(refusals >= 30, "refused as missing: " + refusals);
        assertEquals(refusals, denied(room) - deniedBefore, "every refusal of the room is audited");
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select count(*) from audit.audit_event where"
                        + " resource_id = ? and outcome = 'DENIED' and detail not like '%reference=CONSULT:%'")) {
            statement.setString(1, room.toString());
            var result = statement.executeQuery();
            result.next();
            assertEquals(0, result.getInt(1), "each refusal names the room's reference");
        }
        // the room is untouched: still open, no recording asked for
        given().auth()
                .oauth2(participants.systemOf(hub))
                .get("/api/media/rooms/{id}", room)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("OPEN"))
                .body("recording", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldLetOwnHospitalsOperateAndParticipantsTakePart() throws SQLException {
        participants.awaitJanus();
        UUID satellite = UUID.randomUUID();
        UUID hub = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        UUID room = participants.openConsultOf(Set.of(satellite, hub), specialist, doctor);
        String hubCoordinator = participants.token(UUID.randomUUID(), Role.COORDINATOR, hub);
        String satelliteSystem = participants.systemOf(satellite);
        String doctorToken = participants.token(doctor, Role.SATELLITE_DOCTOR, satellite);
        long readsBefore = reads(room);

        for (String token : List.of(hubCoordinator, satelliteSystem, doctorToken)) {
            call(token, "GET", "/api/media/rooms/{id}", room).then().statusCode(200);
            call(token, "GET", "/api/media/rooms/{id}/attendance", room).then().statusCode(200);
            call(token, "GET", "/api/media/rooms/{id}/recordings", room).then().statusCode(200);
        }
        assertEquals(9, reads(room) - readsBefore, "every read of the room is audited");
        // operators who take no part: they see the room but do not join or consent for anyone
        call(hubCoordinator, "POST", "/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(403);
        call(hubCoordinator, "POST", "/api/media/rooms/{id}/recording/consent", room)
                .then()
                .statusCode(403);
        // a participant who does not host neither closes nor asks for a recording
        call(doctorToken, "DELETE", "/api/media/rooms/{id}", room).then().statusCode(403);
        call(doctorToken, "POST", "/api/media/rooms/{id}/recording", room)
                .then()
                .statusCode(403);
        call(doctorToken, "POST", "/api/media/rooms/{id}/grants", room).then().statusCode(201);
        call(hubCoordinator, "DELETE", "/api/media/rooms/{id}", room)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("CLOSED"));
    }

    private long denied(UUID room) throws SQLException {
        return count(room, "DENIED", "%");
    }

    private long reads(UUID room) throws SQLException {
        return count(room, "SUCCESS", "READ");
    }

    private long count(UUID room, String outcome, String action) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select count(*) from audit.audit_event"
                        + " where resource_id = ? and outcome = ? and action like ?")) {
            statement.setString(1, room.toString());
            statement.setString(2, outcome);
            statement.setString(3, action);
            var result = statement.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }
}
