package vn.teleconsult.media.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToLongFunction;
import vn.teleconsult.media.janus.JanusException;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.repository.RoomRepository;

/** The Janus servers of the pool as an administrator sees them: connected or not, version, reply time and load. */
@ApplicationScoped
public class MediaServers {

    /** One server: its name and browser address, whether the bridge holds a session there, and what it answered. */
    public record ServerView(
            String name,
            URI browserUrl,
            boolean connected,
            boolean answering,
            String version,
            Long replyMillis,
            String problem,
            long openRooms,
            long participants) {}

    private final JanusPool pool;
    private final RoomRepository rooms;

    public MediaServers(JanusPool pool, RoomRepository rooms) {
        this.pool = pool;
        this.rooms = rooms;
    }

    /**
     * Every configured server, all asked for their {@code info} at once (each bounded by the Janus timeout); the load
     * is read meanwhile, in a transaction of its own that does not wait for the answers.
     */
    public List<ServerView> list() {
        Map<String, CompletableFuture<Answer>> answers = new LinkedHashMap<>();
        pool.names().forEach(name -> answers.put(name, ask(name)));
        record Load(Map<String, Long> open, ToLongFunction<String> participants) {}
        Load load = QuarkusTransaction.requiringNew()
                .call(() -> new Load(rooms.openRoomsByServer(), rooms.participantsByServer()));
        return answers.entrySet().stream()
                .map(entry -> {
                    String name = entry.getKey();
                    Answer answer = entry.getValue().join();
                    return new ServerView(
                            name,
                            pool.browserUrl(name),
                            pool.healthy(name),
                            answer.problem == null,
                            answer.version,
                            answer.millis,
                            answer.problem,
                            load.open().getOrDefault(name, 0L),
                            load.participants().applyAsLong(name));
                })
                .toList();
    }

    private record Answer(String version, Long millis, String problem) {}

    private CompletableFuture<Answer> ask(String name) {
        long started = System.nanoTime();
        CompletableFuture<JsonNode> info;
        try {
            info = pool.client(name).infoAsync();
        } catch (JanusException e) {
            info = CompletableFuture.failedFuture(e);
        }
        return info.handle((answer, failure) -> failure == null
                ? new Answer(
                        answer.path("version_string").asText(null), (System.nanoTime() - started) / 1_000_000, null)
                : new Answer(null, null, "Not answering: " + rootMessage(failure)));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage();
    }
}
