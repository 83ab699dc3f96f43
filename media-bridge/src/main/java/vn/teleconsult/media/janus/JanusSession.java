package vn.teleconsult.media.janus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Janus session opened by the bridge; Janus forgets it after {@code session_timeout} seconds without a request,
 * so whoever holds it calls {@link #keepAlive()} more often than that.
 */
public final class JanusSession implements AutoCloseable {

    private final JanusClient client;
    private final long id;
    private final String token;
    private final AtomicBoolean closed = new AtomicBoolean();

    JanusSession(JanusClient client, long id, String token) {
        this.client = client;
        this.id = id;
        this.token = token;
    }

    public long id() {
        return id;
    }

    /** Sends {@code keepalive}; a Janus that restarted answers {@link JanusException#NO_SUCH_SESSION}. */
    public void keepAlive() {
        client.post(client.sessionUri(id), client.request("keepalive", token));
    }

    /**
     * Long-polls the session's events (plugin events, webrtcup, hangup...): returns what arrived within Janus's poll
     * window (about 30 s), possibly nothing.
     */
    public List<JsonNode> poll() {
        return client.poll(id, token);
    }

    /** Attaches a handle to a plugin, e.g. {@code janus.plugin.videoroom}. */
    public JanusHandle attach(String plugin) {
        var body = client.request("attach", token).put("plugin", plugin);
        JsonNode answer = client.post(client.sessionUri(id), body);
        return new JanusHandle(client, this, answer.path("data").path("id").asLong());
    }

    String token() {
        return token;
    }

    /** Destroys the session in Janus; errors are ignored because the server may already have forgotten it. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                client.post(client.sessionUri(id), client.request("destroy", token));
            } catch (JanusException gone) {
                // a restarted or dead Janus has no session to destroy
            }
        }
    }
}
