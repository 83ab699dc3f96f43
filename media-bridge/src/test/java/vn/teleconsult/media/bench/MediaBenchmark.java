package vn.teleconsult.media.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.teleconsult.media.janus.JanusClient;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.janus.JanusSession;
import vn.teleconsult.media.janus.VideoRoomAdmin;
import vn.teleconsult.media.janus.VideoRoomAdmin.RoomSpec;
import vn.teleconsult.media.testing.JanusProcess;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.media.testing.Poll;
import vn.teleconsult.platform.security.Role;

/**
 * {@code ./teleconsult bench media} (not part of the test run): start-session-to-first-remote-frame through the bridge
 * against janus.js joining a pre-made room directly, and rooms created+destroyed per second through the bridge against
 * direct VideoRoom requests. Writes media-bridge/target/bench-media.txt.
 */
@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "bench.media", matches = "true")
@TestProfile(MediaBenchmark.NoTurn.class)
class MediaBenchmark {

    /**
     * No TURN server in the ICE configuration, as on a hospital network where browsers reach Janus directly: the
     * direct join gets none either, so that both sides do the same ICE work.
     */
    public static class NoTurn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("media.turn.urls", "");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = Integer.getInteger("bench.media.runs", 20);
    private static final int ROOMS = Integer.getInteger("bench.media.rooms", 200);

    @Inject
    Participants participants;

    @Inject
    JanusPool pool;

    // java.net.http rather than RestAssured: RestAssured's own overhead per request would be measured otherwise
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BASE = "http://127.0.0.1:" + JanusServers.APP_PORT;

    private static JsonNode call(String method, String path, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static JsonNode grant(String room, String token) {
        try {
            return call("POST", "/api/media/rooms/" + room + "/grants", token, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a room as the consult workflow does (the Java API; there is no REST path to open one). */
    private String openRoom(String system, UUID... users) {
        return participants.openConsult(users).toString();
    }

    @Test
    void benchmark() throws Exception {
        Poll.until(
                Duration.ofSeconds(30),
                "Janus servers connected",
                () -> pool.healthy("main") && pool.healthy("second"));
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        Path browser = JanusProcess.repositoryRoot().resolve("media-bridge/src/test/browser");
        Process node = new ProcessBuilder(JanusServers.network.inside(
                        List.of("node", browser.resolve("bench.mjs").toString())))
                .directory(browser.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);

        var janus = JanusServers.MAIN;
        var direct = new JanusClient(
                janus.apiUri(), janus.adminUri(), JanusProcess.ADMIN_SECRET, Duration.ofSeconds(5), JSON);
        String token = JanusPool.newToken();
        direct.addToken(token, List.of(VideoRoomAdmin.PLUGIN));
        String system = participants.system();
        List<Double> bridgeMs = new ArrayList<>();
        List<Double> restOnlyMs = new ArrayList<>();
        List<Double> openMs = new ArrayList<>();
        List<Double> preopenedMs = new ArrayList<>();
        List<Double> bridgeBrowserMs = new ArrayList<>();
        List<Double> directMs = new ArrayList<>();
        try (JanusSession session = direct.createSession(token)) {
            var rooms = new VideoRoomAdmin(session.attach(VideoRoomAdmin.PLUGIN), JSON, JanusProcess.ADMIN_SECRET);
            long premade = ThreadLocalRandom.current().nextLong(1, 1L << 53);
            rooms.create(new RoomSpec(premade, "bench", "bench-secret", 6, 512_000, List.of(token)));
            for (int i = -2; i < RUNS; i++) { // two warm-up runs of each
                session.keepAlive(); // Janus drops sessions idle for 60 s
                // directly: janus.js joins the pre-made room with a stored token
                ObjectNode plain = JSON.createObjectNode();
                plain.set("a", directGrant(janus, premade, token));
                plain.set("b", directGrant(janus, premade, token));
                // alternate which goes first, so that neither always runs while the other's leaving is processed
                double floorMs = i % 2 == 0 ? 0 : ask(in, out, plain);
                // through the bridge: open the room, two grants, both join, first frame in the second browser
                UUID a = UUID.randomUUID();
                UUID b = UUID.randomUUID();
                String tokenA = participants.token(a, Role.SATELLITE_DOCTOR);
                String tokenB = participants.token(b, Role.HUB_SPECIALIST);
                long t0 = System.nanoTime();
                String room = openRoom(system, a, b);
                long opened = System.nanoTime();
                // each participant's browser asks for its own grant, at the same time
                var grantA = CompletableFuture.supplyAsync(() -> grant(room, tokenA));
                var grantB = CompletableFuture.supplyAsync(() -> grant(room, tokenB));
                ObjectNode run = JSON.createObjectNode();
                run.set("a", grantA.join());
                run.set("b", grantB.join());
                double restMs = (System.nanoTime() - t0) / 1e6;
                double browserMs = ask(in, out, run);
                call("DELETE", "/api/media/rooms/" + room, system, null);
                if (i % 2 == 0) {
                    floorMs = ask(in, out, plain);
                }
                if (i >= 0) {
                    bridgeMs.add(restMs + browserMs);
                    restOnlyMs.add(restMs);
                    openMs.add((opened - t0) / 1e6);
                    preopenedMs.add(restMs - (opened - t0) / 1e6 + browserMs);
                    bridgeBrowserMs.add(browserMs);
                    directMs.add(floorMs);
                }
            }
            in.close();
            node.waitFor();
            session.keepAlive();

            long t1 = System.nanoTime();
            for (int i = 0; i < ROOMS; i++) {
                long room = ThreadLocalRandom.current().nextLong(1, 1L << 53);
                rooms.create(new RoomSpec(room, "bench", "s", 6, 512_000, List.of()));
                rooms.destroy(room, "s");
            }
            double directPerSecond = ROOMS / ((System.nanoTime() - t1) / 1e9);
            long t2 = System.nanoTime();
            for (int i = 0; i < ROOMS; i++) {
                String id = openRoom(system, UUID.randomUUID());
                call("DELETE", "/api/media/rooms/" + id, system, null);
            }
            double bridgePerSecond = ROOMS / ((System.nanoTime() - t2) / 1e9);
            rooms.destroy(premade, "bench-secret");

            double bridgeP50 = p50(bridgeMs);
            double directP50 = p50(directMs);
            String report = String.format(
                    "runs=%d, load before: %s%nstart session -> first remote frame, p50: bridge %.0f ms, direct janus.js"
                            + " %.0f ms, ratio %.2f%nof which the bridge's REST calls (open room, then two grants in"
                            + " parallel), p50 %.0f ms (open room alone %.0f ms); browser part through the bridge"
                            + " %.0f ms%nroom opened beforehand (booked sessions): grants -> first remote frame, p50 %.0f ms,"
                            + " ratio %.2f%nbridge samples %s%ndirect samples %s%n"
                            + "rooms created+destroyed per second (%d sequential): bridge %.1f/s, direct %.1f/s%n",
                    RUNS,
                    load,
                    bridgeP50,
                    directP50,
                    bridgeP50 / directP50,
                    p50(restOnlyMs),
                    p50(openMs),
                    p50(bridgeBrowserMs),
                    p50(preopenedMs),
                    p50(preopenedMs) / directP50,
                    bridgeMs,
                    directMs,
                    ROOMS,
                    bridgePerSecond,
                    directPerSecond);
            System.out.println(report);
            Files.writeString(JanusProcess.repositoryRoot().resolve("media-bridge/target/bench-media.txt"), report);
        }
    }

    private static ObjectNode directGrant(JanusProcess janus, long room, String token) {
        return JSON.createObjectNode()
                .put("server", janus.wsUri().toString())
                .put("janusRoom", room)
                .put("token", token)
                .put("feedId", ThreadLocalRandom.current().nextLong(1, 1L << 53))
                .put("display", "bench");
    }

    private static double ask(Writer in, BufferedReader out, ObjectNode run) throws Exception {
        in.write(JSON.writeValueAsString(run) + "\n");
        in.flush();
        JsonNode answer = JSON.readTree(out.readLine());
        if (!answer.has("ms")) {
            throw new AssertionError("browser run failed: " + answer);
        }
        return answer.path("ms").asDouble();
    }

    private static double p50(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
