package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.testing.JanusProcess;
import vn.teleconsult.media.testing.JanusServers;

@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class JanusEventResourceTest {

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
        asJanus("[" + "{\"type\":1},".repeat(100_000) + "{\"type\":1}]").statusCode(413);
    }

    @Test
    void shouldIgnoreEventsForUnknownRooms() {
        long room = UUID.randomUUID().getMostSignificantBits() >>> 12;
        asJanus("{\"type\":64,\"timestamp\":1700000000000000,\"event\":{\"plugin\":\"janus.plugin.videoroom\","
                        + "\"data\":{\"event\":\"joined\",\"room\":" + room + ",\"id\":7}}}")
                .statusCode(204);
    }
}
