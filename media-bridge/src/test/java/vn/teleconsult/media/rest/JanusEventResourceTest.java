package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.testing.JanusParticipant;
import vn.teleconsult.media.testing.JanusProcess;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.media.testing.Poll;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class JanusEventResourceTest {

    @Inject
    Participants participants;

    @Inject
    JanusPool pool;

    private static final String PATH = "/api/media/janus-events";
    private static final String EVENT =
            "{\"type\":1,\"timestamp\":1,\"session_id\":1,\"event\":{\"name\":\"created\"}}";

    /** Posts a body the way Janus's event handler does, with the given HTTP Basic user and password. */
    private static ValidatableResponse post(String user, String password, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (user != null) {
            request = request.auth().preemptive().basic(user, password);
        }
        return request.post(PATH).then();
    }

    private static ValidatableResponse asJanus(String body) {
        return post("janus", JanusProcess.EVENTS_SECRET, body);
    }

    @Test
    void shouldRefuseEventsWithoutTheSharedSecret() {
        post(null, null, EVENT).statusCode(401);
        post("janus", "wrong-secret", EVENT).statusCode(401);
        post("someone", JanusProcess.EVENTS_SECRET, EVENT).statusCode(401);
        given().header("Authorization", "Basic !!!not-base64")
                .contentType(ContentType.JSON)
                .body(EVENT)
                .post(PATH)
                .then()
                .statusCode(401);
        asJanus(EVENT).statusCode(204);
    }

    @Test
    void shouldRejectMalformedEvents() {
        asJanus("{\"type\":").statusCode(400).body("detail", containsString("not JSON"));
        asJanus("\"a string\"").statusCode(400);
        asJanus("[{\"type\":64}, 42]").statusCode(400).body("detail", containsString("integer 'type'"));
        asJanus("[{\"type\":64,\"event\":{\"plugin\":\"janus.plugin.videoroom\",\"data\":"
                        + "{\"event\":\"joined\",\"room\":\"abc\",\"id\":1}}}]")
                .statusCode(400)
                .body("detail", containsString("integer room and id"));
        asJanus("[{\"type\":32,\"subtype\":1,\"handle_id\":5,\"event\":{\"media\":\"video\",\"receiving\":\"yes\"}}]")
                .statusCode(400)
                .body("detail", containsString("true or false"));
        asJanus("[{\"type\":16,\"subtype\":6,\"event\":{\"connection\":\"webrtcup\"}}]")
                .statusCode(400)
                .body("detail", containsString("handle_id"));
        asJanus("[{\"type\":32,\"subtype\":2,\"handle_id\":\"x\",\"event\":{\"media\":\"video\",\"slow_link\":1}}]")
                .statusCode(400);
        asJanus("[" + "{\"type\":1},".repeat(100_000) + "{\"type\":1}]").statusCode(413);
    }

    /** A real participant joins through Janus; its join event (with its handle) comes from Janus itself. */
    @Test
    void shouldKeepMediaStateOfTheParticipantsPublisherHandle() {
        participants.awaitJanus();
        UUID doctor = UUID.randomUUID();
        UUID room = participants.openConsult(doctor);
        JsonPath grant = given().auth()
                .oauth2(participants.token(doctor, Role.SATELLITE_DOCTOR))
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        URI api = grant.getString("server").contains(":" + JanusServers.MAIN.wsPort())
                ? JanusServers.MAIN.apiUri()
                : JanusServers.SECOND.apiUri();
        try (var participant = JanusParticipant.connect(api, grant.getString("token"))) {
            participant.join(grant.getLong("janusRoom"), grant.getLong("feedId"), grant.getString("token"));
            Poll.until(Duration.ofSeconds(10), "joined", () -> !attendance(room).isEmpty());
            long handle = participant.handleId();
            long other = handle + 1; // a subscriber's handle: not on the attendance record
            asJanus("[{\"type\":16,\"subtype\":6,\"handle_id\":" + handle + ",\"event\":{\"connection\":\"webrtcup\"}},"
                            + "{\"type\":32,\"subtype\":1,\"handle_id\":" + handle
                            + ",\"event\":{\"media\":\"video\",\"receiving\":false}},"
                            + "{\"type\":32,\"subtype\":2,\"handle_id\":" + handle
                            + ",\"event\":{\"media\":\"video\",\"slow_link\":\"uplink\",\"lost_lastsec\":9}},"
                            + "{\"type\":32,\"subtype\":2,\"handle_id\":" + other
                            + ",\"event\":{\"media\":\"video\",\"slow_link\":\"uplink\"}},"
                            + "{\"type\":16,\"subtype\":6,\"handle_id\":" + handle
                            + ",\"event\":{\"connection\":\"hangup\",\"reason\":\"DTLS alert\"}}]")
                    .statusCode(204);
            Map<String, Object> stay = attendance(room).get(0);
            assertNotNull(stay.get("webrtcUpAt"), stay.toString());
            assertEquals("not receiving", stay.get("video"), stay.toString());
            assertEquals(1, stay.get("slowLinks"), stay.toString());
            assertEquals("DTLS alert", stay.get("hangupReason"), stay.toString());
            assertEquals("hung up", stay.get("mediaState"), stay.toString());
        }
    }

    private List<Map<String, Object>> attendance(UUID room) {
        return participants.attendance(room);
    }

    @Test
    void shouldIgnoreEventsForUnknownRooms() {
        long room = UUID.randomUUID().getMostSignificantBits() >>> 12;
        asJanus("{\"type\":64,\"timestamp\":1700000000000000,\"event\":{\"plugin\":\"janus.plugin.videoroom\","
                        + "\"data\":{\"event\":\"joined\",\"room\":" + room + ",\"id\":7}}}")
                .statusCode(204);
    }
}
