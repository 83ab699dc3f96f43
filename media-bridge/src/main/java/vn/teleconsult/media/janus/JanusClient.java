package vn.teleconsult.media.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Talks to one Janus server over its HTTP REST API and its admin API: every request carries a fresh transaction that
 * the answer must echo, has a timeout, and Janus errors come back as {@link JanusException} with Janus's code.
 */
public final class JanusClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI api;
    private final URI admin;
    private final String adminSecret;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    public JanusClient(URI api, URI admin, String adminSecret, Duration timeout, ObjectMapper json) {
        this.api = api;
        this.admin = admin;
        this.adminSecret = adminSecret;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public URI apiUri() {
        return api;
    }

    /** The server's {@code info}: name, version, plugins. Needs no token. */
    public JsonNode info() {
        return join(infoAsync());
    }

    /** {@link #info} without waiting, e.g. to ask every server of the pool at once. */
    public CompletableFuture<JsonNode> infoAsync() {
        URI uri = URI.create(api + "/info");
        var request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                throw new JanusException(uri.getHost() + ":" + uri.getPort() + " " + failure, failure);
            }
            return checked(response, null);
        });
    }

    /** Opens a Janus session authenticated with a stored token. */
    public JanusSession createSession(String token) {
        JsonNode answer = post(api, request("create", token));
        return new JanusSession(this, answer.path("data").path("id").asLong(), token);
    }

    /** Stores a token in Janus (admin API {@code add_token}), usable only with the given plugins. */
    public void addToken(String token, List<String> plugins) {
        join(addTokenAsync(token, plugins));
    }

    /** {@link #addToken} without waiting: the bridge overlaps it with the room's allowed-list request. */
    public CompletableFuture<JsonNode> addTokenAsync(String token, List<String> plugins) {
        ObjectNode body = adminRequest("add_token").put("token", token);
        var array = body.putArray("plugins");
        plugins.forEach(array::add);
        return postAsync(admin, body);
    }

    /** Waits for an asynchronous request; its failure is thrown as the {@link JanusException} it is. */
    public static JsonNode join(CompletableFuture<JsonNode> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof JanusException janus) {
                throw janus;
            }
            throw new JanusException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    /** Removes a stored token (admin API {@code remove_token}); sessions using it can make no further request. */
    public void removeToken(String token) {
        post(admin, adminRequest("remove_token").put("token", token));
    }

    /** The tokens Janus holds (admin API {@code list_tokens}). */
    public List<String> listTokens() {
        JsonNode answer = post(admin, adminRequest("list_tokens"));
        List<String> tokens = new ArrayList<>();
        answer.path("data")
                .path("tokens")
                .forEach(t -> tokens.add(t.path("token").asText()));
        return tokens;
    }

    /** The ids of the sessions Janus holds (admin API {@code list_sessions}). */
    public List<Long> listSessions() {
        JsonNode answer = post(admin, adminRequest("list_sessions"));
        List<Long> ids = new ArrayList<>();
        answer.path("sessions").forEach(s -> ids.add(s.asLong()));
        return ids;
    }

    List<JsonNode> poll(long session, String token) {
        String query = "?maxev=10"
                + (token == null
                        ? ""
                        : "&token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
        try {
            var request = HttpRequest.newBuilder(URI.create(sessionUri(session) + query))
                    .timeout(timeout.plusSeconds(35))
                    .GET()
                    .build();
            HttpResponse<byte[]> response = send(request);
            JsonNode answer = json.readTree(response.body());
            List<JsonNode> events = new ArrayList<>();
            if (answer != null && answer.isArray()) {
                answer.forEach(events::add);
            } else if (answer != null && "error".equals(answer.path("janus").asText())) {
                throw new JanusException(
                        answer.path("error").path("code").asInt(),
                        answer.path("error").path("reason").asText());
            } else if (answer != null
                    && !"keepalive".equals(answer.path("janus").asText())) {
                events.add(answer);
            }
            return events;
        } catch (IOException e) {
            throw new JanusException(e.toString(), e);
        }
    }

    ObjectNode request(String janus, String token) {
        ObjectNode body = json.createObjectNode().put("janus", janus);
        if (token != null) {
            body.put("token", token);
        }
        return body;
    }

    private ObjectNode adminRequest(String janus) {
        return json.createObjectNode().put("janus", janus).put("admin_secret", adminSecret);
    }

    URI sessionUri(long session) {
        return URI.create(api + "/" + session);
    }

    URI handleUri(long session, long handle) {
        return URI.create(api + "/" + session + "/" + handle);
    }

    /** Posts a request with a new transaction and returns Janus's answer, or throws its error. */
    JsonNode post(URI uri, ObjectNode body) {
        String transaction = newTransaction();
        body.put("transaction", transaction);
        try {
            var request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            return checked(send(request), transaction);
        } catch (IOException e) {
            throw new JanusException(uri.getHost() + ":" + uri.getPort() + " " + e, e);
        }
    }

    /** {@link #post} without blocking a thread while Janus answers. */
    CompletableFuture<JsonNode> postAsync(URI uri, ObjectNode body) {
        String transaction = newTransaction();
        body.put("transaction", transaction);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new JanusException(e.toString(), e));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                throw new JanusException(uri.getHost() + ":" + uri.getPort() + " " + failure, failure);
            }
            return checked(response, transaction);
        });
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private JsonNode checked(HttpResponse<byte[]> response, String transaction) {
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new JanusException("HTTP " + response.statusCode() + " with a body that is not JSON", e);
        }
        if (answer == null || !answer.isObject()) {
            throw new JanusException("HTTP " + response.statusCode() + " without a JSON object", null);
        }
        if (transaction != null
                && !transaction.equals(answer.path("transaction").asText())) {
            throw new JanusException("answer for another transaction", null);
        }
        if ("error".equals(answer.path("janus").asText())) {
            JsonNode error = answer.path("error");
            throw new JanusException(
                    error.path("code").asInt(), error.path("reason").asText());
        }
        return answer;
    }

    static String newTransaction() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
