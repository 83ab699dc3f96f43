package vn.teleconsult.media.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import java.util.Map;
import java.util.Set;
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
        participants.awaitJanus();
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
                .equals(participants.roomField(room, "state")));
        String server = a.path("server").asText().contains(":" + JanusServers.MAIN.wsPort()) ? "main" : "second";
        assertFalse(pool.rooms(server).exists(a.path("janusRoom").asLong()), "Janus room destroyed");
        var stays = given().auth()
                .oauth2(participants.system())
                .get("/api/media/rooms/{id}/attendance", room)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(true, true), stays.getList("published", Boolean.class), "both published: " + stays);
        // media state from Janus's own WebRTC and media events on each publisher's handle
        assertEquals(
                2, stays.getList("webrtcUpAt").stream().filter(t -> t != null).count(), stays.prettify());
        assertEquals(List.of("receiving", "receiving"), stays.getList("video", String.class), stays.prettify());
        assertEquals(List.of("receiving", "receiving"), stays.getList("audio", String.class), stays.prettify());
    }

    @Test
    void shouldRecordWithConsentIntoPlayableFilesThatMembersDownload() throws Exception {
        npmCi();
        participants.awaitJanus();
        UUID doctor = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID room = participants.openConsult(doctor, specialist);
        String system = participants.system();
        given().auth()
                .oauth2(system)
                .post("/api/media/rooms/{id}/recording", room)
                .then()
                .statusCode(200)
                .body("recording", equalTo("REQUESTED"));
        for (var consenting : Map.of(doctor, Role.SATELLITE_DOCTOR, specialist, Role.HUB_SPECIALIST)
                .entrySet()) {
            given().auth()
                    .oauth2(participants.token(consenting.getKey(), consenting.getValue()))
                    .post("/api/media/rooms/{id}/recording/consent", room)
                    .then()
                    .statusCode(200);
        }
        assertEquals("RECORDING", participants.roomField(room, "recording"));
        ObjectNode scenario = JSON.createObjectNode();
        scenario.set("a", grant(room, doctor, Role.SATELLITE_DOCTOR));
        scenario.set("b", grant(room, specialist, Role.HUB_SPECIALIST));
        JsonNode result = runBrowsers(scenario);
        assertTrue(result.path("bVideo").path("width").asInt() > 0, "video exchanged while recording: " + result);
        given().auth()
                .oauth2(system)
                .delete("/api/media/rooms/{id}", room)
                .then()
                .statusCode(200);
        Poll.until(Duration.ofSeconds(60), "recording converted", () -> "READY"
                .equals(participants.roomField(room, "recording")));

        String doctorToken = participants.token(doctor, Role.SATELLITE_DOCTOR);
        var files = given().auth()
                .oauth2(doctorToken)
                .get("/api/media/rooms/{id}/recordings", room)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        System.out.println("Recording files: " + files.prettify());
        List<Map<String, Object>> videos = files.getList("findAll { it.kind == 'video' }");
        assertEquals(
                Set.of(doctor.toString(), specialist.toString()),
                videos.stream().map(v -> v.get("userId")).collect(java.util.stream.Collectors.toSet()),
                "one video per participant: " + files.prettify());
        for (Map<String, Object> video : videos) {
            assertEquals("video/webm", video.get("contentType"));
            JsonNode probe = probe(download(doctorToken, room, video.get("id")));
            assertTrue(probe.path("format").path("format_name").asText().contains("webm"), probe.toString());
            assertEquals("vp8", probe.path("streams").path(0).path("codec_name").asText(), probe.toString());
            assertTrue(probe.path("streams").path(0).path("nb_read_frames").asInt() > 10, probe.toString());
            assertTrue(probe.path("streams").path(0).path("width").asInt() > 0, probe.toString());
        }
        List<Map<String, Object>> audios = files.getList("findAll { it.kind == 'audio' }");
        assertEquals(2, audios.size(), files.prettify());
        JsonNode audio = probe(download(doctorToken, room, audios.get(0).get("id")));
        assertEquals("opus", audio.path("streams").path(0).path("codec_name").asText(), audio.toString());
        assertTrue(audio.path("format").path("duration").asDouble() > 0.5, audio.toString());

        // only members: someone else gets nothing
        given().auth()
                .oauth2(participants.token(UUID.randomUUID(), Role.HUB_SPECIALIST))
                .get(
                        "/api/media/rooms/{id}/recordings/{file}",
                        room,
                        videos.get(0).get("id"))
                .then()
                .statusCode(404);
    }

    private static Path download(String token, UUID room, Object file) throws IOException {
        byte[] body = given().auth()
                .oauth2(token)
                .get("/api/media/rooms/{id}/recordings/{file}", room, file)
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))
                .extract()
                .asByteArray();
        assertTrue(body.length > 0);
        Path copy = Files.createTempFile("recording", ".bin");
        Files.write(copy, body);
        return copy;
    }

    /** ffprobe (Debian ffmpeg) decodes every frame and tells container, codec, size and duration. */
    private static JsonNode probe(Path file) throws IOException, InterruptedException {
        try {
            Process ffprobe = new ProcessBuilder(
                            "ffprobe",
                            "-v",
                            "error",
                            "-count_frames",
                            "-show_entries",
                            "format=format_name,duration:stream=codec_name,width,height,nb_read_frames",
                            "-of",
                            "json",
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(ffprobe.getInputStream().readAllBytes());
            assertTrue(ffprobe.waitFor(60, TimeUnit.SECONDS) && ffprobe.exitValue() == 0, "ffprobe: " + output);
            return JSON.readTree(output);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
