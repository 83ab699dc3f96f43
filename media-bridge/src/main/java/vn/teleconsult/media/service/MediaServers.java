package vn.teleconsult.media.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

    /** Every configured server, each asked for its {@code info} at the same time (bounded by the Janus timeout). */
    @Transactional
    public List<ServerView> list() {
        Map<String, Long> open = rooms.openRoomsByServer();
        var load = rooms.participantsByServer();
        Map<String, CompletableFuture<Answer>> answers = new LinkedHashMap<>();
        pool.names().forEach(name -> answers.put(name, CompletableFuture.supplyAsync(() -> ask(name))));
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
                            open.getOrDefault(name, 0L),
                            load.applyAsLong(name));
                })
                .toList();
    }

    private record Answer(String version, Long millis, String problem) {}

    private Answer ask(String name) {
        long started = System.nanoTime();
        try {
            JsonNode info = pool.client(name).info();
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Answer(info.path("version_string").asText(null), millis, null);
        } catch (JanusException e) {
            return new Answer(null, null, "Not answering: " + e.getMessage());
        }
    }
}
