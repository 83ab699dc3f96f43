package vn.teleconsult.media.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import vn.teleconsult.media.janus.JanusClient;
import vn.teleconsult.media.janus.JanusHandle;
import vn.teleconsult.media.janus.JanusSession;
import vn.teleconsult.media.janus.VideoRoomAdmin;

/**
 * A participant speaking the Janus API the way janus.js does (session with the grant token, VideoRoom join with it),
 * without media: enough to see what Janus itself allows.
 */
public final class JanusParticipant implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JanusSession session;
    private final JanusHandle handle;

    private JanusParticipant(JanusSession session, JanusHandle handle) {
        this.session = session;
        this.handle = handle;
    }

    /** Opens a Janus session with the token; Janus throws 403 when the token is not stored. */
    public static JanusParticipant connect(URI api, String token) {
        var client = new JanusClient(api, URI.create("http://127.0.0.1:1/unused"), "", Duration.ofSeconds(5), JSON);
        JanusSession session = client.createSession(token);
        return new JanusParticipant(session, session.attach(VideoRoomAdmin.PLUGIN));
    }

    /** The Janus handle this participant joins and publishes with. */
    public long handleId() {
        return handle.id();
    }

    /** Joins as a publisher; returns the plugin's answer ({@code joined}, or an error with {@code error_code}). */
    public JsonNode join(long room, long feedId, String token) {
        String transaction = handle.send(JSON.createObjectNode()
                .put("request", "join")
                .put("ptype", "publisher")
                .put("room", room)
                .put("id", feedId)
                .put("display", "test")
                .put("token", token));
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode event : session.poll()) {
                if (transaction.equals(event.path("transaction").asText())) {
                    return event.path("plugindata").path("data");
                }
            }
        }
        throw new AssertionError("no answer to join within 15 s");
    }

    /** Leaves like a closed browser tab: the session is destroyed. */
    @Override
    public void close() {
        session.close();
    }
}
