package vn.teleconsult.media.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.teleconsult.media.service.ParticipantNotice;

/** Delivers participant notices to the users' open media WebSockets on this replica. */
@ApplicationScoped
public class Notices {

    private final Map<String, Set<WebSocketConnection>> byUser = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public Notices(ObjectMapper json) {
        this.json = json;
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

    /** Sends a notice once the transaction that caused it has committed. */
    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantNotice notice) {
        String message;
        try {
            message = json.writeValueAsString(Map.of("type", notice.type(), "roomId", notice.roomId()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
