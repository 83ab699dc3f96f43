package vn.teleconsult.media.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Role;

/** Tokens for made-up users and systems, and rooms opened through the REST API. */
@ApplicationScoped
public class Participants {

    private final AccessTokens tokens;
    private final JanusPool pool;

    public Participants(AccessTokens tokens, JanusPool pool) {
        this.tokens = tokens;
        this.pool = pool;
    }

    /** Waits until the bridge is connected to both test Janus servers (after start-up, or after a kill test). */
    public void awaitJanus() {
        Poll.until(
                Duration.ofSeconds(30),
                "both Janus servers connected",
                () -> pool.healthy("main") && pool.healthy("second"));
    }

    /** The room's attendance record, as a system sees it. */
    public List<Map<String, Object>> attendance(UUID room) {
        return given().auth()
                .oauth2(system())
                .get("/api/media/rooms/{id}/attendance", room)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    /** One field of the room as a system sees it, e.g. {@code state} or {@code recording}. */
    public String roomField(UUID room, String field) {
        return given().auth()
                .oauth2(system())
                .get("/api/media/rooms/{id}", room)
                .then()
                .statusCode(200)
                .extract()
                .path(field);
    }

    public String token(UUID user, Role role) {
        UUID hospital = role == Role.PATIENT ? null : UUID.randomUUID();
        return tokens.issue(user.toString(), "u-" + user, Set.of(role), hospital)
                .token();
    }

    public String system() {
        return tokens.issue("client:consult-workflow", "consult-workflow", Set.of(Role.SYSTEM), null)
                .token();
    }

    /** Opens a consult room for the users through the API and returns its id. */
    public UUID openConsult(UUID... users) {
        return open(Map.of("kind", "CONSULT", "referenceId", UUID.randomUUID(), "participants", Set.of(users)));
    }

    /** Opens a video visit with a waiting room, hosted by the doctor. */
    public UUID openVisit(UUID doctor, UUID patient) {
        return open(Map.of(
                "kind",
                "VISIT",
                "referenceId",
                UUID.randomUUID(),
                "participants",
                Set.of(doctor, patient),
                "hostUserId",
                doctor,
                "waitingRoom",
                true));
    }

    private UUID open(Map<String, Object> request) {
        return UUID.fromString(given().auth()
                .oauth2(system())
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/media/rooms")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }
}
