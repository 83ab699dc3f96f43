package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.testing.JanusProcess;
import vn.teleconsult.media.testing.JanusServers;

@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class JanusEventResourceTest {

    private static final String PATH = "/api/media/janus-events";

    @Test
    void shouldRefuseEventsWithoutTheSharedSecret() {
        String event = "{\"type\":1,\"timestamp\":1,\"session_id\":1,\"event\":{\"name\":\"created\"}}";
        given().contentType(ContentType.JSON).body(event).post(PATH).then().statusCode(401);
        given().auth()
                .preemptive()
                .basic("janus", "wrong-secret")
                .contentType(ContentType.JSON)
                .body(event)
                .post(PATH)
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic("someone", JanusProcess.EVENTS_SECRET)
                .contentType(ContentType.JSON)
                .body(event)
                .post(PATH)
                .then()
                .statusCode(401);
        given().header("Authorization", "Basic !!!not-base64")
                .contentType(ContentType.JSON)
                .body(event)
                .post(PATH)
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic("janus", JanusProcess.EVENTS_SECRET)
                .contentType(ContentType.JSON)
                .body(event)
                .post(PATH)
                .then()
                .statusCode(204);
    }

    @Test
    void shouldRejectMalformedEvents() {
        var janus = given().auth()
                .preemptive()
                .basic("janus", JanusProcess.EVENTS_SECRET)
                .contentType(ContentType.JSON);
        janus.body("{\"type\":").post(PATH).then().statusCode(400).body("detail", containsString("not JSON"));
        given().auth()
                .preemptive()
                .basic("janus", JanusProcess.EVENTS_SECRET)
                .contentType(ContentType.JSON)
                .body("\"a string\"")
                .post(PATH)
                .then()
                .statusCode(400);
        given().auth()
                .preemptive()
                .basic("janus", JanusProcess.EVENTS_SECRET)
                .contentType(ContentType.JSON)
                .body("[{\"type\":64}, 42]")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("detail", containsString("integer 'type'"));
        given().auth()
                .preemptive()
                .basic("janus", JanusProcess.EVENTS_SECRET)
                .contentType(ContentType.JSON)
                .body("[{\"type\":64,\"event\":{\"plugin\":\"janus.plugin.videoroom\",\"data\":"
                        + "{\"event\":\"joined\",\"room\":\"abc\",\"id\":1}}}]")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("detail", containsString("integer room and id"));
        given().auth()
                .preemptive()
                .basic("janus", JanusProcess.EVENTS_SECRET)
                .contentType(ContentType.JSON)
                .body("[" + "{\"type\":1},".repeat(100_000) + "{\"type\":1}]")
                .post(PATH)
                .then()
                .statusCode(413);
    }

    @Test
    void shouldIgnoreEventsForUnknownRooms() {
        given().auth()
                .preemptive()
                .basic("janus", JanusProcess.EVENTS_SECRET)
                .contentType(ContentType.JSON)
                .body("{\"type\":64,\"timestamp\":1700000000000000,\"event\":{\"plugin\":\"janus.plugin.videoroom\","
                        + "\"data\":{\"event\":\"joined\",\"room\":"
                        + (UUID.randomUUID().getMostSignificantBits() >>> 12)
                        + ",\"id\":7}}}")
                .post(PATH)
                .then()
                .statusCode(204);
    }
}
