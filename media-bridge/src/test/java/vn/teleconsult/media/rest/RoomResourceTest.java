package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.api.OpenRoom;
import vn.teleconsult.media.api.VideoRooms;
import vn.teleconsult.media.janus.JanusClient;
import vn.teleconsult.media.janus.JanusException;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.janus.VideoRoomAdmin;
import vn.teleconsult.media.testing.JanusParticipant;
import vn.teleconsult.media.testing.JanusProcess;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.media.testing.Poll;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class RoomResourceTest {

    @Inject
    Participants participants;

    @Inject
    JanusPool pool;

    @Inject
    VideoRooms videoRooms;

    @Inject
    DataSource dataSource;

    private void awaitServers() {
        participants.awaitJanus();
    }

    private JsonPath grant(UUID room, UUID user, Role role) {
        return given().auth()
                .oauth2(participants.token(user, role))
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static java.net.URI api(JsonPath grant) {
        String ws = grant.getString("server");
        return ws.contains(":" + JanusServers.MAIN.wsPort())
                ? JanusServers.MAIN.apiUri()
                : JanusServers.SECOND.apiUri();
    }

    private List<Map<String, Object>> attendance(UUID room) {
        return participants.attendance(room);
    }

    @Test
    void shouldOpenRoomInJanusWithBitrateCapAndNoSecretInTheAnswer() {
        awaitServers();
        UUID doctor = UUID.randomUUID();
        UUID room = participants.openConsult(doctor);
        String body = given().auth()
                .oauth2(participants.system())
                .get("/api/media/rooms/{id}", room)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("bitrate", equalTo(512000))
                .body("participants", hasItem(doctor.toString()))
                .extract()
                .asString();
        assertFalse(body.contains("secret"), body);
        JsonPath grant = grant(room, doctor, Role.SATELLITE_DOCTOR);
        var janus = api(grant).equals(JanusServers.MAIN.apiUri()) ? JanusServers.MAIN : JanusServers.SECOND;
        var admin = new JanusClient(
                janus.apiUri(), janus.adminUri(), JanusProcess.ADMIN_SECRET, Duration.ofSeconds(5), new ObjectMapper());
        String token = JanusPool.newToken();
        admin.addToken(token, List.of(VideoRoomAdmin.PLUGIN));
        try (var session = admin.createSession(token)) {
            var rooms = new VideoRoomAdmin(
                    session.attach(VideoRoomAdmin.PLUGIN), new ObjectMapper(), JanusProcess.ADMIN_SECRET);
            var listed = rooms.list().stream()
                    .filter(r -> r.room() == grant.getLong("janusRoom"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(512_000, listed.bitrate());
            assertEquals(6, listed.maxPublishers());
        }
    }

    private static int status(Runnable call) {
        return assertThrows(ProblemException.class, call::run).status();
    }

    @Test
    void shouldRefuseMalformedConflictingAndOversizedRoomRequestsOfTheWorkflow() {
        awaitServers();
        UUID user = UUID.randomUUID();
        Set<UUID> hospitals = Set.of(Participants.HOSPITAL);
        assertEquals(400, status(() -> videoRooms.open(null)));
        assertEquals(
                400,
                status(() -> videoRooms.open(
                        new OpenRoom("PARTY", UUID.randomUUID(), Set.of(user), null, false, hospitals))));
        assertEquals(
                400,
                status(() ->
                        videoRooms.open(new OpenRoom("CONSULT", UUID.randomUUID(), Set.of(), null, false, hospitals))));
        List<UUID> crowd = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            crowd.add(UUID.randomUUID());
        }
        var tooMany = assertThrows(
                ProblemException.class,
                () -> videoRooms.open(
                        new OpenRoom("CONSULT", UUID.randomUUID(), Set.copyOf(crowd), null, false, hospitals)));
        assertTrue(tooMany.getMessage().contains("at most 32"), tooMany.getMessage());
        assertEquals(
                400,
                status(() -> videoRooms.open(
                        new OpenRoom("VISIT", UUID.randomUUID(), Set.of(user), null, true, hospitals))));
        // a room belongs to the hospitals of its reference: without them nobody could operate it
        assertEquals(
                400,
                status(() -> videoRooms.open(
                        new OpenRoom("CONSULT", UUID.randomUUID(), Set.of(user), null, false, Set.of()))));
        assertEquals(
                400,
                status(() ->
                        videoRooms.open(new OpenRoom("CONSULT", UUID.randomUUID(), Set.of(user), null, false, null))));
        UUID reference = UUID.randomUUID();
        var request = new OpenRoom("CONSULT", reference, Set.of(user), null, false, hospitals);
        videoRooms.open(request);
        assertEquals(409, status(() -> videoRooms.open(request)));
    }

    /** Finding 3 of issue 14: no REST path opens a room, whatever the caller names as reference and participants. */
    @Test
    void shouldOpenNoRoomThroughRest() {
        awaitServers();
        UUID reference = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        var request = Map.of("kind", "CONSULT", "referenceId", reference, "participants", Set.of(user));
        for (String token : List.of(
                participants.system(),
                participants.token(user, Role.COORDINATOR, Participants.HOSPITAL),
                participants.token(user, Role.SATELLITE_DOCTOR))) {
            int status = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(request)
                    .post("/api/media/rooms")
                    .then()
                    .extract()
                    .statusCode();
            assertTrue(status == 404 || status == 405, "POST /api/media/rooms answered " + status);
        }
        assertEquals(0L, roomsOf(reference));
    }

    private long roomsOf(UUID reference) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select count(*) from media.room where reference_id = ?")) {
            statement.setObject(1, reference);
            var result = statement.executeQuery();
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldGrantOnlyParticipantsAndLetJanusAdmitTheHolderOnce() {
        awaitServers();
        UUID doctor = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        UUID room = participants.openConsult(doctor, specialist);
        given().auth()
                .oauth2(participants.token(outsider, Role.HUB_SPECIALIST))
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(404);
        given().post("/api/media/rooms/{id}/grants", room).then().statusCode(401);
        given().auth()
                .oauth2(participants.token(doctor, Role.SATELLITE_DOCTOR))
                .post("/api/media/rooms/{id}/grants", UUID.randomUUID())
                .then()
                .statusCode(404);

        JsonPath grant = grant(room, doctor, Role.SATELLITE_DOCTOR);
        String token = grant.getString("token");
        long janusRoom = grant.getLong("janusRoom");
        assertTrue(grant.getString("iceServers[0].username").endsWith(":" + doctor));
        // no grant: Janus itself refuses a session
        var refused = assertThrows(JanusException.class, () -> JanusParticipant.connect(api(grant), "made-up-token"));
        assertEquals(JanusException.UNAUTHORIZED, refused.code());
        try (var first = JanusParticipant.connect(api(grant), token)) {
            // a leaked room id without a grant in the allowed list gets nobody in
            assertEquals(
                    433,
                    first.join(janusRoom, 4242, "not-the-grant")
                            .path("error_code")
                            .asInt());
            assertEquals(
                    "joined",
                    first.join(janusRoom, grant.getLong("feedId"), token)
                            .path("videoroom")
                            .asText());
            Poll.until(Duration.ofSeconds(10), "attendance shows the doctor", () -> attendance(room).stream()
                    .anyMatch(a -> doctor.toString().equals(a.get("userId")) && a.get("leftAt") == null));
            // the grant is used: a second join with it is refused by Janus
            Poll.until(Duration.ofSeconds(10), "reused grant refused", () -> {
                try (var second = JanusParticipant.connect(api(grant), token)) {
                    return second.join(janusRoom, grant.getLong("feedId") + 1, token)
                                    .path("error_code")
                                    .asInt()
                            == 433;
                } catch (JanusException e) {
                    return e.code() == JanusException.UNAUTHORIZED;
                }
            });
        }
        Poll.until(Duration.ofSeconds(10), "attendance shows the doctor left", () -> attendance(room).stream()
                .anyMatch(a -> doctor.toString().equals(a.get("userId")) && a.get("leftAt") != null));
        // after leaving, the token is gone from Janus
        Poll.until(Duration.ofSeconds(10), "token removed", () -> {
            try {
                JanusParticipant.connect(api(grant), token).close();
                return false;
            } catch (JanusException e) {
                return e.code() == JanusException.UNAUTHORIZED;
            }
        });
    }

    @Test
    void shouldExpireUnusedGrantsInJanus() {
        awaitServers();
        UUID doctor = UUID.randomUUID();
        UUID room = participants.openConsult(doctor);
        JsonPath grant = grant(room, doctor, Role.SATELLITE_DOCTOR);
        Poll.until(Duration.ofSeconds(40), "expired grant refused by Janus", () -> {
            try {
                JanusParticipant.connect(api(grant), grant.getString("token")).close();
                return false;
            } catch (JanusException e) {
                return e.code() == JanusException.UNAUTHORIZED;
            }
        });
    }

    @Test
    void shouldKeepAttendanceToParticipants() {
        awaitServers();
        UUID doctor = UUID.randomUUID();
        UUID room = participants.openConsult(doctor);
        given().auth()
                .oauth2(participants.token(UUID.randomUUID(), Role.HUB_SPECIALIST))
                .get("/api/media/rooms/{id}/attendance", room)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(participants.token(doctor, Role.SATELLITE_DOCTOR))
                .get("/api/media/rooms/{id}/attendance", room)
                .then()
                .statusCode(200);
        given().get("/api/media/rooms/{id}/attendance", room).then().statusCode(401);
    }

    @Test
    void shouldCloseRoomAndRefuseGrantsAfterwards() {
        awaitServers();
        UUID doctor = UUID.randomUUID();
        UUID room = participants.openConsult(doctor);
        given().auth()
                .oauth2(participants.token(doctor, Role.SATELLITE_DOCTOR))
                .delete("/api/media/rooms/{id}", room)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(participants.system())
                .delete("/api/media/rooms/{id}", room)
                .then()
                .statusCode(200)
                .body("state", equalTo("CLOSED"));
        given().auth()
                .oauth2(participants.token(doctor, Role.SATELLITE_DOCTOR))
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(409)
                .body("detail", not(startsWith("Janus")));
    }
}
