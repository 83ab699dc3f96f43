package vn.teleconsult.media.testing;

import static io.restassured.RestAssured.given;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.media.api.OpenRoom;
import vn.teleconsult.media.api.VideoRooms;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Role;

/**
 * Tokens for made-up users and systems, and rooms opened as the owning workflow opens them (the {@link VideoRooms}
 * bean; there is no REST path to open a room). Rooms belong to {@link #HOSPITAL} unless told otherwise.
 */
@ApplicationScoped
public class Participants {

    /** The hospital the test rooms belong to; {@link #system()} is its system client. */
    public static final UUID HOSPITAL = UUID.randomUUID();

    private final AccessTokens tokens;
    private final JanusPool pool;
    private final VideoRooms rooms;

    public Participants(AccessTokens tokens, JanusPool pool, VideoRooms rooms) {
        this.tokens = tokens;
        this.pool = pool;
        this.rooms = rooms;
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

    /** A user of the given role at the given hospital. */
    public String token(UUID user, Role role, UUID hospital) {
        return tokens.issue(user.toString(), "u-" + user, Set.of(role), hospital)
                .token();
    }

    /** The system client of {@link #HOSPITAL}. */
    public String system() {
        return systemOf(HOSPITAL);
    }

    /** The system client of a hospital (system tokens carry their hospital). */
    public String systemOf(UUID hospital) {
        return tokens.issue("client:consult-workflow", "consult-workflow", Set.of(Role.SYSTEM), hospital)
                .token();
    }

    /** Opens a consult room of {@link #HOSPITAL} for the users, the first of them hosting, and returns its id. */
    public UUID openConsult(UUID... users) {
        return openConsultOf(Set.of(HOSPITAL), users);
    }

    /** Opens a consult room of the hospitals (requesting satellite and hub) for the users, the first hosting. */
    public UUID openConsultOf(Set<UUID> hospitals, UUID... users) {
        return rooms.open(new OpenRoom("CONSULT", UUID.randomUUID(), Set.of(users), users[0], false, hospitals))
                .id();
    }

    /** Opens a video visit of {@link #HOSPITAL} with a waiting room, hosted by the doctor. */
    public UUID openVisit(UUID doctor, UUID patient) {
        return rooms.open(new OpenRoom(
                        "VISIT", UUID.randomUUID(), Set.of(doctor, patient), doctor, true, Set.of(HOSPITAL)))
                .id();
    }
}
