package vn.teleconsult.media.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/** A plugin handle within a session; synchronous plugin requests answer with the plugin's data or its error. */
public final class JanusHandle {

    private final JanusClient client;
    private final JanusSession session;
    private final long id;

    JanusHandle(JanusClient client, JanusSession session, long id) {
        this.client = client;
        this.session = session;
        this.id = id;
    }

    public long id() {
        return id;
    }

    /**
     * Sends a synchronous plugin request ({@code message} with {@code body}) and returns {@code plugindata.data};
     * a plugin error ({@code error_code}) is thrown as {@link JanusException}.
     */
    public JsonNode message(ObjectNode body) {
        ObjectNode request = client.request("message", session.token());
        request.set("body", body);
        return pluginData(client.post(client.handleUri(session.id(), id), request));
    }

    /** {@link #message} without blocking: the bridge overlaps it with its own database work. */
    public CompletableFuture<JsonNode> messageAsync(ObjectNode body) {
        ObjectNode request = client.request("message", session.token());
        request.set("body", body);
        return client.postAsync(client.handleUri(session.id(), id), request).thenApply(JanusHandle::pluginData);
    }

    private static JsonNode pluginData(JsonNode answer) {
        if (!"success".equals(answer.path("janus").asText())) {
            throw new JanusException(
                    0,
                    "expected a synchronous answer, got '"
                            + answer.path("janus").asText() + "'");
        }
        JsonNode data = answer.path("plugindata").path("data");
        if (data.has("error_code")) {
            throw new JanusException(
                    data.path("error_code").asInt(), data.path("error").asText());
        }
        return data;
    }

    /**
     * Sends an asynchronous plugin request (e.g. VideoRoom {@code join}); Janus acknowledges it and delivers the
     * answer as an event with the returned transaction, see {@link JanusSession#poll()}.
     */
    public String send(ObjectNode body) {
        ObjectNode request = client.request("message", session.token());
        request.set("body", body);
        return client.post(client.handleUri(session.id(), id), request)
                .path("transaction")
                .asText();
    }

    public void detach() {
        client.post(client.handleUri(session.id(), id), client.request("detach", session.token()));
    }
}
