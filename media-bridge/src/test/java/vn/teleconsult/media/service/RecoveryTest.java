package vn.teleconsult.media.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.api.OpenRoom;
import vn.teleconsult.media.api.VideoRooms;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.testing.JanusParticipant;
import vn.teleconsult.media.testing.JanusProcess;
import vn.teleconsult.media.testing.JanusServers;
import vn.teleconsult.media.testing.Participants;
import vn.teleconsult.media.testing.Poll;
import vn.teleconsult.media.ws.Notices;
import vn.teleconsult.platform.notify.PgChannels;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Role;

/** Kills the real Janus processes these tests started (by PID) and checks that sessions survive. */
@QuarkusTest
@QuarkusTestResource(value = JanusServers.class, restrictToAnnotatedClass = false)
class RecoveryTest {

    @Inject
    Participants participants;

    @Inject
    JanusPool pool;

    @Inject
    DataSource dataSource;

    @Inject
    PgChannels channels;

    @Inject
    Notices notices;

    @Inject
    VideoRooms videoRooms;

    @Inject
    AccessTokens tokens;

    private void awaitServers() {
        participants.awaitJanus();
    }

    private static void restart(JanusProcess janus) {
        if (!janus.running()) {
            janus.start();
        }
    }

    private JsonPath grant(UUID room, UUID user) {
        return given().auth()
                .oauth2(participants.token(user, Role.SATELLITE_DOCTOR))
                .post("/api/media/rooms/{id}/grants", room)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static JanusProcess serverOf(JsonPath grant) {
        return grant.getString("server").contains(":" + JanusServers.MAIN.wsPort())
                ? JanusServers.MAIN
                : JanusServers.SECOND;
    }

    /** A platform WebSocket client collecting the messages it receives. */
    static final class Listener implements WebSocket.Listener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        volatile Integer closedWith;
        volatile String reason;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            messages.add(data.toString());
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            this.reason = reason;
            closedWith = status;
            return null;
        }
    }

    private static WebSocket connect(String query, Listener listener) {
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + JanusServers.APP_PORT + "/api/media/ws" + query), listener)
                .join();
    }

    @Test
    void shouldRecreateRoomAndTellParticipantsToReconnectWhenJanusIsKilledMidSession() throws Exception {
        awaitServers();
        UUID doctor = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID room = participants.openConsult(doctor, specialist);
        var listener = new Listener();
        WebSocket socket = connect("?access_token=" + participants.token(doctor, Role.SATELLITE_DOCTOR), listener);
        Poll.until(Duration.ofSeconds(5), "socket ready", () -> listener.messages.contains("{\"type\":\"ready\"}"));
        JsonPath first = grant(room, doctor);
        JanusProcess victim = serverOf(first);
        // another replica's listener: its own PostgreSQL connection, nothing shared with this application's
        List<String> heardElsewhere = new CopyOnWriteArrayList<>();
        AutoCloseable otherReplica = channels.listen(Notices.CHANNEL, heardElsewhere::add);
        try {
            try (var participant = JanusParticipant.connect(victim.apiUri(), first.getString("token"))) {
                assertEquals(
                        "joined",
                        participant
                                .join(first.getLong("janusRoom"), first.getLong("feedId"), first.getString("token"))
                                .path("videoroom")
                                .asText());
                // Janus posts its events asynchronously: kill only once the join is on the attendance record
                Poll.until(Duration.ofSeconds(10), "join recorded before the kill", () -> !participants
                        .attendance(room)
                        .isEmpty());
                long killedAt = System.nanoTime();
                victim.kill();
                Poll.until(Duration.ofSeconds(10), "reconnect notice", () -> listener.messages.stream()
                        .anyMatch(m -> m.contains("\"reconnect\"") && m.contains(room.toString())));
                long noticeMillis = (System.nanoTime() - killedAt) / 1_000_000;
                assertTrue(noticeMillis < 10_000, "noticed after " + noticeMillis + " ms");
                Poll.until(
                        Duration.ofSeconds(5),
                        "reconnect notice on the other replica's listener",
                        () -> heardElsewhere.stream()
                                .anyMatch(m -> m.contains("\"reconnect\"")
                                        && m.contains(room.toString())
                                        && m.contains(doctor.toString())));
            } catch (RuntimeException closingOnDeadServer) {
                // closing the participant's session on the killed server fails; that is expected
                if (!listener.messages.stream().anyMatch(m -> m.contains("\"reconnect\""))) {
                    throw closingOnDeadServer;
                }
            }
            JsonPath second = grant(room, doctor);
            assertNotEquals(first.getLong("janusRoom"), second.getLong("janusRoom"));
            JanusProcess now = serverOf(second);
            assertNotEquals(victim, now, "the room moved to the server that is up");
            try (var participant = JanusParticipant.connect(now.apiUri(), second.getString("token"))) {
                assertEquals(
                        "joined",
                        participant
                                .join(second.getLong("janusRoom"), second.getLong("feedId"), second.getString("token"))
                                .path("videoroom")
                                .asText());
            }
            List<Map<String, Object>> stays = participants.attendance(room);
            assertEquals("server lost", stays.get(0).get("mediaState"));
        } finally {
            socket.abort();
            otherReplica.close();
            restart(victim);
        }
    }

    /**
     * Replica A (here: a plain JDBC connection of the test, as A's RecoveryService would send it) re-created a room;
     * the participant's WebSocket is on this application (replica B) and is told, only once A's transaction commits.
     */
    @Test
    void shouldDeliverNoticesFromAnotherReplicaThroughPostgres() throws Exception {
        UUID user = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        var listener = new Listener();
        WebSocket socket = connect("?access_token=" + participants.token(user, Role.HUB_SPECIALIST), listener);
        try (var replicaA = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
                ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class))) {
            Poll.until(Duration.ofSeconds(5), "socket ready", () -> listener.messages.contains("{\"type\":\"ready\"}"));
            replicaA.setAutoCommit(false);
            notifyFrom(replicaA, new ParticipantNotice("reconnect", rolledBack, Set.of(user)));
            replicaA.rollback();
            notifyFrom(replicaA, new ParticipantNotice("reconnect", room, Set.of(user)));
            notifyFrom(replicaA, new ParticipantNotice("reconnect", room, Set.of(UUID.randomUUID())));
            replicaA.commit();
            Poll.until(Duration.ofSeconds(5), "notice from replica A", () -> listener.messages.stream()
                    .anyMatch(m -> m.contains("\"reconnect\"") && m.contains(room.toString())));
            assertEquals(
                    2, listener.messages.size(), "ready and one notice, none of the rolled back: " + listener.messages);
        } finally {
            socket.abort();
        }
    }

    private void notifyFrom(Connection replica, ParticipantNotice notice) throws SQLException {
        try (var statement = replica.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, Notices.CHANNEL);
            statement.setString(2, notices.encode(notice));
            statement.execute();
        }
    }

    @Test
    void shouldAnswer503AndCreateNothingWhenNoJanusIsUp() throws SQLException {
        awaitServers();
        UUID reference = UUID.randomUUID();
        try {
            JanusServers.MAIN.kill();
            JanusServers.SECOND.kill();
            Poll.until(
                    Duration.ofSeconds(10),
                    "both servers seen down",
                    () -> !pool.healthy("main") && !pool.healthy("second"));
            var refused = assertThrows(ProblemException.class, () -> videoRooms.open(consult(reference)));
            assertEquals(503, refused.status());
            try (var connection = dataSource.getConnection();
                    var statement =
                            connection.prepareStatement("select count(*) from media.room where reference_id = ?")) {
                statement.setObject(1, reference);
                var result = statement.executeQuery();
                result.next();
                assertEquals(0, result.getInt(1));
            }
        } finally {
            restart(JanusServers.MAIN);
            restart(JanusServers.SECOND);
        }
        awaitServers();
        given().get("/q/health/group/media").then().statusCode(200).body("checks[0].data.second", equalTo("UP"));
        assertEquals("OPEN", videoRooms.open(consult(reference)).state());
    }

    private static OpenRoom consult(UUID reference) {
        return new OpenRoom(
                "CONSULT", reference, Set.of(UUID.randomUUID()), null, false, Set.of(Participants.HOSPITAL));
    }

    @Test
    void shouldRefuseWebSocketWithoutAValidToken() {
        var anonymous = new Listener();
        connect("", anonymous);
        Poll.until(Duration.ofSeconds(5), "closed", () -> anonymous.closedWith != null);
        assertEquals(4401, anonymous.closedWith);
        var forged = new Listener();
        connect("?access_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", forged);
        Poll.until(Duration.ofSeconds(5), "closed", () -> forged.closedWith != null);
        assertEquals(4401, forged.closedWith);
    }

    /** Finding 4 of issue 14: a socket lives no longer than the token it was opened with. */
    @Test
    void shouldCloseTheWebSocketWhenItsTokenExpires() {
        UUID doctor = UUID.randomUUID();
        String shortLived = tokens.issue(
                        doctor.toString(),
                        "u-" + doctor,
                        Set.of(Role.SATELLITE_DOCTOR),
                        UUID.randomUUID(),
                        Instant.now(),
                        Duration.ofSeconds(3))
                .token();
        var listener = new Listener();
        connect("?access_token=" + shortLived, listener);
        Poll.until(Duration.ofSeconds(5), "socket ready", () -> listener.messages.contains("{\"type\":\"ready\"}"));
        assertEquals(null, listener.closedWith, "open while the token is valid");
        Poll.until(Duration.ofSeconds(15), "socket closed at expiry", () -> listener.closedWith != null);
        assertEquals(4401, listener.closedWith);
        assertTrue(listener.reason.contains("expired"), listener.reason);
    }

    @Test
    void shouldTellParticipantsOverTheWebSocketThatARecordingAwaitsTheirConsent() {
        awaitServers();
        UUID specialist = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        UUID room = participants.openConsult(specialist, doctor);
        var listener = new Listener();
        connect("?access_token=" + participants.token(doctor, Role.SATELLITE_DOCTOR), listener);
        Poll.until(Duration.ofSeconds(5), "socket ready", () -> listener.messages.contains("{\"type\":\"ready\"}"));
        videoRooms.requestRecording(room, "test");
        Poll.until(Duration.ofSeconds(10), "recording request heard", () -> listener.messages.stream()
                .anyMatch(m -> m.contains("recording-requested") && m.contains(room.toString())));
    }
}
