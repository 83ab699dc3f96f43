package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.media.testing.Poll;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Role;

/** The network administrator's view of the media servers: real Janus servers, one of them stopped and started. */
@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class MediaServerResourceTest {

    @Inject
    Participants participants;

    @Inject
    AccessTokens tokens;

    private String networkAdmin() {
        return tokens.issue(UUID.randomUUID().toString(), "netadmin", Set.of(Role.ADMIN), null)
                .token();
    }

    private Map<String, Map<String, Object>> servers() {
        List<Map<String, Object>> list = given().auth()
                .oauth2(networkAdmin())
                .get("/api/admin/media-servers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        var byName = new java.util.HashMap<String, Map<String, Object>>();
        list.forEach(server -> byName.put((String) server.get("name"), server));
        return byName;
    }

    @Test
    void shouldShowEachServersHealthVersionAndLoad() {
        participants.awaitJanus();
        participants.openConsult(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        var servers = servers();
        assertEquals(Set.of("main", "second"), servers.keySet());
        for (var server : servers.values()) {
            assertEquals(true, server.get("connected"), server.toString());
            assertEquals(true, server.get("answering"), server.toString());
            assertTrue(((String) server.get("version")).matches("\\d+\\.\\d+\\.\\d+.*"), server.toString());
            assertNotNull(server.get("replyMillis"), server.toString());
            assertTrue(((String) server.get("browserUrl")).startsWith("ws://"), server.toString());
        }
        // Rooms of other tests may close meanwhile (empty-room sweep), so the new room sets a lower bound.
        assertTrue(total(servers, "openRooms") >= 1, servers.toString());
        assertTrue(total(servers, "participants") >= 3, servers.toString());
    }

    private static long total(Map<String, Map<String, Object>> servers, String field) {
        return servers.values().stream()
                .mapToLong(server -> ((Number) server.get(field)).longValue())
                .sum();
    }

    @Test
    void shouldShowAStoppedServerAsDownAndBackUpAfterItsRestart() {
        participants.awaitJanus();
        JanusServers.SECOND.stop();
        try {
            Poll.until(Duration.ofSeconds(20), "second shown as down", () -> {
                var second = servers().get("second");
                return Boolean.FALSE.equals(second.get("answering")) && Boolean.FALSE.equals(second.get("connected"));
            });
            var second = servers().get("second");
            assertTrue(((String) second.get("problem")).startsWith("Not answering"), second.toString());
            assertEquals(true, servers().get("main").get("answering"));
        } finally {
            JanusServers.SECOND.start();
        }
        participants.awaitJanus();
        var second = servers().get("second");
        assertEquals(true, second.get("connected"), second.toString());
        assertEquals(true, second.get("answering"), second.toString());
        assertFalse(second.containsKey("problem") && second.get("problem") != null, second.toString());
    }

    @Test
    void shouldBeForTheNetworkAdministratorOnly() {
        given().get("/api/admin/media-servers").then().statusCode(401);
        given().auth()
                .oauth2(tokens.issue(UUID.randomUUID().toString(), "hadmin", Set.of(Role.ADMIN), UUID.randomUUID())
                        .token())
                .get("/api/admin/media-servers")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(participants.token(UUID.randomUUID(), Role.COORDINATOR))
                .get("/api/admin/media-servers")
                .then()
                .statusCode(403);
    }
}
