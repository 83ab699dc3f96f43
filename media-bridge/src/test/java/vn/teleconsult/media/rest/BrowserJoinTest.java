package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.testing.JanusProcess;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.media.testing.Poll;
import vn.teleconsult.platform.security.Role;

/**
 * Real media: two headless Chromium pages (Debian chromium, fake camera) join one room through janus.js with grants
 * from the platform and must decode each other's video; a reused grant and a wrong token are refused by Janus; the
 * room is gone after both leave. Chromium runs inside the test network namespace (src/test/browser/run.mjs).
 */
@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class BrowserJoinTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BROWSER = JanusProcess.repositoryRoot().resolve("media-bridge/src/test/browser");

    @Inject
    Participants participants;

    @Inject
    JanusPool pool;

    private ObjectNode grant(UUID room, UUID user, Role role) throws IOException {
        String body = given().auth()
                .oauth2(participants.token(user, role))
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(201)
                .extract()
                .asString();
        return (ObjectNode) JSON.readTree(body);
    }

    static void npmCi() throws IOException, InterruptedException {
        if (Files.isDirectory(BROWSER.resolve("node_modules/playwright-core"))
                && Files.isDirectory(BROWSER.resolve("node_modules/janus-gateway"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(BROWSER.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(npm.getInputStream().readAllBytes());
        assertTrue(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0, "npm ci failed:\n" + output);
    }

    static JsonNode runBrowsers(ObjectNode scenario) throws IOException, InterruptedException {
        Path file = JanusProcess.repositoryRoot().resolve("media-bridge/target/browser-scenario.json");
        Files.writeString(file, JSON.writeValueAsString(scenario));
        List<String> command = new ArrayList<>(JanusServers.network.inside(
                List.of("node", BROWSER.resolve("run.mjs").toString(), file.toString())));
        Process node = new ProcessBuilder(command)
                .directory(BROWSER.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(node.getInputStream().readAllBytes());
        assertTrue(node.waitFor(180, TimeUnit.SECONDS), "browsers did not finish");
        String last = output.strip().lines().reduce((a, b) -> b).orElse("{}");
        return JSON.readTree(last);
    }

    @Test
    void shouldExchangeVideoBetweenTwoBrowsersAndRefuseReusedOrWrongTokens() throws Exception {
        npmCi();
        Poll.until(
                Duration.ofSeconds(30),
                "Janus servers connected",
                () -> pool.healthy("main") && pool.healthy("second"));
        UUID doctor = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID room = participants.openConsult(doctor, specialist);
        ObjectNode a = grant(room, doctor, Role.SATELLITE_DOCTOR);
        ObjectNode b = grant(room, specialist, Role.HUB_SPECIALIST);
        ObjectNode scenario = JSON.createObjectNode();
        scenario.set("a", a);
        scenario.set("b", b);
        scenario.set("reused", a.deepCopy());
        scenario.set("wrong", a.deepCopy().put("token", "not-a-grant"));

        JsonNode result = runBrowsers(scenario);
        System.out.println("Browser results: " + result);

        assertFalse(result.has("failure"), result.toString());
        assertTrue(result.path("a").path("joined").asBoolean(), result.toString());
        assertTrue(result.path("b").path("joined").asBoolean(), result.toString());
        assertTrue(result.path("aVideo").path("width").asInt() > 0, "page a decodes b's video: " + result);
        assertTrue(result.path("bVideo").path("width").asInt() > 0, "page b decodes a's video: " + result);
        assertFalse(result.path("reused").path("joined").asBoolean(), "reused grant refused: " + result);
        assertNotNull(result.path("reused").path("error").textValue(), result.toString());
        assertFalse(result.path("wrong").path("joined").asBoolean(), "wrong token refused: " + result);
        assertTrue(result.path("wrong").path("error").asText().contains("session"), result.toString());

        Poll.until(Duration.ofSeconds(30), "room closed after both left", () -> "CLOSED"
                .equals(given().auth()
                        .oauth2(participants.system())
                        .get("/api/media/rooms/{id}", room)
                        .then()
                        .extract()
                        .path("state")));
        String server = a.path("server").asText().contains(":" + JanusServers.MAIN.wsPort()) ? "main" : "second";
        assertFalse(pool.rooms(server).exists(a.path("janusRoom").asLong()), "Janus room destroyed");
        var stays = given().auth()
                .oauth2(participants.system())
                .get("/api/media/rooms/{id}/attendance", room)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("published", Boolean.class);
        assertEquals(List.of(true, true), stays, "both published, as Janus reported");
    }
}
