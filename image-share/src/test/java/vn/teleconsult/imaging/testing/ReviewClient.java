package vn.teleconsult.imaging.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A review WebSocket participant for tests: keeps every message received and how the server closed. */
public final class ReviewClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String closeReason;
    private WebSocket socket;

    private ReviewClient() {}

    /** Connects to {@code baseUrl}'s review socket of the consult (http URL; ws is derived). */
    public static ReviewClient connect(String baseUrl, String consultPath, String token) {
        var client = new ReviewClient();
        String ws = baseUrl.replaceFirst("^http", "ws") + consultPath + (token == null ? "" : "?access_token=" + token);
        client.socket = HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(ws), client)
                .join();
        return client;
    }

    public void send(Object message) {
        try {
            sendText(JSON.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message matching the predicate (earlier non-matching ones are skipped), within the timeout. */
    public JsonNode await(Predicate<JsonNode> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode next;
            try {
                next = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (next == null) {
                throw new AssertionError("no matching message within " + timeout + "; seen: " + seen());
            }
            if (matching.test(next)) {
                return next;
            }
        }
    }

    public JsonNode await(String type) {
        return await(m -> type.equals(m.path("type").asText()), Duration.ofSeconds(10));
    }

    public synchronized List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    /** The close code the server sent, waiting at most the timeout. */
    public int closeCode(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS)[0];
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode message = JSON.readTree(partial.toString());
                synchronized (this) {
                    seen.add(message);
                }
                inbox.add(message);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(new int[] {statusCode});
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
