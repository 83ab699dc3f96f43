package vn.teleconsult.media.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.teleconsult.media.service.ParticipantNotice;
import vn.teleconsult.platform.notify.PgChannels;

/**
 * Delivers participant notices to the users' open media WebSockets on every replica: a notice is sent through
 * PostgreSQL ({@code NOTIFY media_notice}) in the transaction that caused it, and each replica's listener passes it to
 * the sockets it holds. So a participant connected to replica B hears that replica A re-created their room.
 */
@ApplicationScoped
public class Notices {

    /** The PostgreSQL channel of media notices. */
    public static final String CHANNEL = "media_notice";

    private final Map<String, Set<WebSocketConnection>> byUser = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final PgChannels channels;
    private volatile AutoCloseable listening;

    public Notices(ObjectMapper json, PgChannels channels) {
        this.json = json;
        this.channels = channels;
    }

    void start(@Observes StartupEvent started) {
        listening = channels.listen(CHANNEL, this::deliver);
    }

    void stop(@Observes ShutdownEvent stopping) throws Exception {
        if (listening != null) {
            listening.close();
        }
    }

    void register(String user, WebSocketConnection connection) {
        byUser.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void unregister(String user, WebSocketConnection connection) {
        byUser.computeIfPresent(user, (u, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends the notice to every replica, as part of the transaction that fires it (nothing on rollback). */
    void publish(@Observes ParticipantNotice notice) {
        channels.send(CHANNEL, encode(notice));
    }

    /** The notice as it travels between replicas. */
    public String encode(ParticipantNotice notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes a notice from any replica to the sockets of its users on this one. */
    void deliver(String payload) {
        ParticipantNotice notice;
        String message;
        try {
            notice = json.readValue(payload, ParticipantNotice.class);
            message = json.writeValueAsString(Map.of("type", notice.type(), "roomId", notice.roomId()));
        } catch (IOException e) {
            Log.warnf("Ignored a media notice that is not one: %s", e.getMessage());
            return;
        }
        for (var user : notice.userIds()) {
            for (WebSocketConnection connection : byUser.getOrDefault(user.toString(), Set.of())) {
                connection
                        .sendText(message)
                        .subscribe()
                        .with(ok -> {}, failure -> Log.debugf("WebSocket send failed: %s", failure));
            }
        }
    }
}
