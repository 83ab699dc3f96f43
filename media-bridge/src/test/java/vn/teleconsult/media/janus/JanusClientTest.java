package vn.teleconsult.media.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.janus.VideoRoomAdmin.RoomSpec;
import vn.teleconsult.media.testing.JanusProcess;
import vn.teleconsult.media.testing.JanusServers;

/** The typed client against a real Janus started with the project's configuration. */
class JanusClientTest {

    private static final JanusProcess JANUS = new JanusProcess(
            "client-test",
            18688 + JanusServers.PORT_OFFSET,
            18689 + JanusServers.PORT_OFFSET,
            17688 + JanusServers.PORT_OFFSET,
            null);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JanusClient client;
    private static String serviceToken;

    @BeforeAll
    static void start() {
        JANUS.start();
        client = new JanusClient(
                JANUS.apiUri(), JANUS.adminUri(), JanusProcess.ADMIN_SECRET, Duration.ofSeconds(5), JSON);
        serviceToken = UUID.randomUUID().toString();
        client.addToken(serviceToken, List.of(VideoRoomAdmin.PLUGIN));
    }

    @AfterAll
    static void stop() {
        JANUS.stop();
    }

    private static VideoRoomAdmin videoRoom(JanusSession session) {
        return new VideoRoomAdmin(session.attach(VideoRoomAdmin.PLUGIN), JSON, JanusProcess.ADMIN_SECRET);
    }

    private static long roomId() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 52);
    }

    @Test
    void shouldAnswerInfoWithTheVideoRoomPlugin() {
        var info = client.info();
        assertEquals("teleconsult-janus", info.path("server-name").asText());
        assertTrue(info.path("plugins").has(VideoRoomAdmin.PLUGIN));
        assertTrue(info.path("auth_token").asBoolean(), "token_auth must be on");
    }

    @Test
    void shouldRefuseSessionsWithoutAStoredToken() {
        var noToken = assertThrows(JanusException.class, () -> client.createSession(null));
        assertEquals(JanusException.UNAUTHORIZED, noToken.code());
        var unknown = assertThrows(JanusException.class, () -> client.createSession("not-a-stored-token"));
        assertEquals(JanusException.UNAUTHORIZED, unknown.code());
    }

    @Test
    void shouldKeepSessionAliveAndForgetItWhenDestroyed() {
        JanusSession session = client.createSession(serviceToken);
        session.keepAlive();
        assertTrue(client.listSessions().contains(session.id()));
        session.close();
        var gone = assertThrows(JanusException.class, session::keepAlive);
        assertEquals(JanusException.NO_SUCH_SESSION, gone.code());
    }

    @Test
    void shouldCreateEditListKickAndDestroyRooms() {
        try (JanusSession session = client.createSession(serviceToken)) {
            VideoRoomAdmin rooms = videoRoom(session);
            long room = roomId();
            rooms.create(new RoomSpec(room, "consult", "s3cret", 3, 512_000, List.of("grant-a")));
            assertTrue(rooms.exists(room));
            var listed = rooms.list().stream()
                    .filter(r -> r.room() == room)
                    .findFirst()
                    .orElseThrow();
            assertEquals(3, listed.maxPublishers());
            assertEquals(512_000, listed.bitrate());
            rooms.edit(room, "s3cret", 256_000, 2);
            listed = rooms.list().stream()
                    .filter(r -> r.room() == room)
                    .findFirst()
                    .orElseThrow();
            assertEquals(256_000, listed.bitrate());
            assertEquals(2, listed.maxPublishers());
            assertEquals(List.of(), rooms.listParticipants(room));
            assertEquals(List.of("grant-a"), rooms.allowed(room, "s3cret"));
            rooms.allow(room, "s3cret", List.of("grant-b"));
            rooms.disallow(room, "s3cret", List.of("grant-a"));
            assertEquals(List.of("grant-b"), rooms.allowed(room, "s3cret"));
            var noFeed = assertThrows(JanusException.class, () -> rooms.kick(room, "s3cret", 42));
            assertEquals(JanusException.NO_SUCH_FEED, noFeed.code());
            rooms.destroy(room, "s3cret");
            assertFalse(rooms.exists(room));
        }
    }

    @Test
    void shouldMapVideoRoomErrorsToCodes() {
        try (JanusSession session = client.createSession(serviceToken)) {
            VideoRoomAdmin rooms = videoRoom(session);
            long room = roomId();
            rooms.create(new RoomSpec(room, "consult", "right", 2, 512_000, List.of()));
            var wrongSecret = assertThrows(JanusException.class, () -> rooms.destroy(room, "wrong"));
            assertEquals(JanusException.VIDEOROOM_UNAUTHORIZED, wrongSecret.code());
            var exists = assertThrows(
                    JanusException.class, () -> rooms.create(new RoomSpec(room, "again", "x", 2, 512_000, List.of())));
            assertEquals(JanusException.ROOM_EXISTS, exists.code());
            var wrongKey = new VideoRoomAdmin(session.attach(VideoRoomAdmin.PLUGIN), JSON, "not-the-admin-key");
            var noKey = assertThrows(
                    JanusException.class,
                    () -> wrongKey.create(new RoomSpec(roomId(), "x", "x", 2, 512_000, List.of())));
            assertEquals(JanusException.VIDEOROOM_UNAUTHORIZED, noKey.code());
            rooms.destroy(room, "right");
            var missing = assertThrows(JanusException.class, () -> rooms.destroy(room, "right"));
            assertEquals(JanusException.NO_SUCH_ROOM, missing.code());
        }
    }

    @Test
    void shouldAddListAndRemoveTokens() {
        String token = UUID.randomUUID().toString();
        client.addToken(token, List.of(VideoRoomAdmin.PLUGIN));
        assertTrue(client.listTokens().contains(token));
        client.createSession(token).close();
        client.removeToken(token);
        assertFalse(client.listTokens().contains(token));
        assertEquals(
                JanusException.UNAUTHORIZED,
                assertThrows(JanusException.class, () -> client.createSession(token))
                        .code());
    }

    @Test
    void shouldReportAnUnreachableServer() {
        var down = new JanusClient(
                URI.create("http://127.0.0.1:1/janus"),
                URI.create("http://127.0.0.1:1/admin"),
                "x",
                Duration.ofSeconds(1),
                JSON);
        assertTrue(assertThrows(JanusException.class, down::info).unreachable());
        assertTrue(assertThrows(JanusException.class, () -> down.createSession("t"))
                .unreachable());
    }
}
