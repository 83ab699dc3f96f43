package vn.teleconsult.imaging.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.teleconsult.imaging.service.ReviewChanged;
import vn.teleconsult.imaging.service.ReviewLive;
import vn.teleconsult.imaging.service.ReviewLive.Snapshot;
import vn.teleconsult.imaging.service.ReviewLive.StudyAvailability;

/**
 * The review WebSockets open on this replica, by session, and what they are sent when a session changes on any
 * replica (announced through PostgreSQL, see {@link vn.teleconsult.imaging.repository.ReviewChangeListener}).
 */
@ApplicationScoped
public class ReviewHub {

    static final int CLOSE_REMOVED = 4403;

    private final ReviewLive live;
    private final ObjectMapper json;
    // each connection with the version of the viewing state it was sent last
    private final Map<UUID, Map<WebSocketConnection, AtomicLong>> bySession = new ConcurrentHashMap<>();
    private final Map<UUID, Set<String>> studiesOf = new ConcurrentHashMap<>();

    public ReviewHub(ReviewLive live, ObjectMapper json) {
        this.live = live;
        this.json = json;
    }

    /**
     * Adds a participant who was sent the joined snapshot, then sends what changed since it was read (a change
     * announced between the read and the registration would otherwise be missed).
     */
    void register(UUID session, WebSocketConnection connection, Snapshot joined) {
        studiesOf.put(session, studyUids(joined));
        bySession
                .computeIfAbsent(session, s -> new ConcurrentHashMap<>())
                .put(connection, new AtomicLong(joined.version()));
        live.viewIfNewer(session, joined.version()).ifPresent(s -> sendView(session, s));
    }

    void unregister(UUID session, WebSocketConnection connection) {
        bySession.computeIfPresent(session, (s, map) -> {
            map.remove(connection);
            return map.isEmpty() ? null : map;
        });
    }

    /** Reacts to a change announced by any replica (this one included), on the listener's dispatch thread. */
    void changed(@Observes ReviewChanged change) {
        if (change.resync()) {
            bySession.keySet().forEach(this::resync);
            return;
        }
        JsonNode note;
        try {
            note = json.readTree(change.payload());
        } catch (java.io.IOException e) {
            Log.warnf("Ignoring a malformed review notification");
            return;
        }
        String what = note.path("change").asText();
        if ("arrived".equals(what)) {
            arrived(note.path("study").asText());
            return;
        }
        UUID session;
        try {
            session = UUID.fromString(note.path("session").asText());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!bySession.containsKey(session)) {
            return;
        }
        switch (what) {
            case "view" -> view(session);
            case "presenter", "members" -> people(session);
            case "studies", "opened" -> studies(session);
            case "closed" -> closed(session);
            default -> Log.debugf("Unknown review change %s", what);
        }
    }

    private void view(UUID session) {
        long oldest = bySession.getOrDefault(session, Map.of()).values().stream()
                .mapToLong(AtomicLong::get)
                .min()
                .orElse(Long.MAX_VALUE);
        live.viewIfNewer(session, oldest).ifPresent(s -> sendView(session, s));
    }

    /** Sends the viewing state to each participant of the session who has an older one (each version once). */
    private void sendView(UUID session, Snapshot s) {
        ObjectNode message = message("view");
        message.put("version", s.version());
        message.put("presenter", str(s.presenter()));
        message.set("view", s.view());
        String text = message.toString();
        bySession.getOrDefault(session, Map.of()).forEach((c, sent) -> {
            long before = sent.getAndAccumulate(s.version(), Math::max);
            if (before < s.version()) {
                sendText(c, text);
            }
        });
    }

    private void people(UUID session) {
        live.snapshot(session).ifPresent(s -> {
            for (WebSocketConnection c : connections(session)) {
                UUID user = c.userData().get(ReviewSocket.USER);
                if (!s.members().contains(user)) {
                    close(c, new CloseReason(CLOSE_REMOVED, "You are no longer a member of this review session."));
                }
            }
            ObjectNode message = message("presenter");
            message.put("presenter", str(s.presenter()));
            message.put("handoverTo", str(s.handoverTo()));
            message.set("members", json.valueToTree(s.members()));
            send(session, message);
        });
    }

    private void studies(UUID session) {
        live.snapshot(session).ifPresent(s -> {
            Set<String> known = studiesOf.getOrDefault(session, Set.of());
            studiesOf.put(session, studyUids(s));
            for (StudyAvailability study : s.studies()) {
                if (!known.contains(study.studyUid())) {
                    send(session, study(study));
                }
            }
        });
    }

    private void arrived(String studyUid) {
        StudyAvailability availability = null;
        for (var entry : studiesOf.entrySet()) {
            if (entry.getValue().contains(studyUid) && bySession.containsKey(entry.getKey())) {
                if (availability == null) {
                    availability = live.availability(studyUid);
                }
                send(entry.getKey(), study(availability));
            }
        }
    }

    private void closed(UUID session) {
        send(session, message("closed"));
        for (WebSocketConnection c : connections(session)) {
            close(c, new CloseReason(CloseReason.NORMAL.getCode(), "The review session has ended."));
        }
        studiesOf.remove(session);
    }

    private void resync(UUID session) {
        var snapshot = live.snapshot(session);
        if (snapshot.isEmpty() || !snapshot.get().open()) {
            closed(session);
            return;
        }
        studiesOf.put(session, studyUids(snapshot.get()));
        bySession.getOrDefault(session, Map.of()).forEach((c, sent) -> {
            sent.getAndAccumulate(snapshot.get().version(), Math::max);
            sendOne(c, state(snapshot.get(), c.userData().get(ReviewSocket.USER)));
        });
    }

    /** The whole state a participant gets on joining (and after a resynchronisation). */
    ObjectNode state(Snapshot s, UUID you) {
        ObjectNode message = message("state");
        message.put("sessionId", s.sessionId().toString());
        message.put("consultId", s.consultId().toString());
        message.put("you", str(you));
        message.put("presenter", str(s.presenter()));
        message.put("handoverTo", str(s.handoverTo()));
        message.set("members", json.valueToTree(s.members()));
        var studies = message.putArray("studies");
        s.studies().forEach(st -> studies.add(json.valueToTree(st)));
        message.put("version", s.version());
        message.set("view", s.view());
        return message;
    }

    private ObjectNode study(StudyAvailability availability) {
        ObjectNode message = message("study");
        message.put("studyUid", availability.studyUid());
        message.set("series", json.valueToTree(availability.series()));
        return message;
    }

    private ObjectNode message(String type) {
        ObjectNode message = json.createObjectNode();
        message.put("type", type);
        return message;
    }

    private List<WebSocketConnection> connections(UUID session) {
        return List.copyOf(bySession.getOrDefault(session, Map.of()).keySet());
    }

    private void send(UUID session, JsonNode message) {
        String text = message.toString();
        for (WebSocketConnection c : connections(session)) {
            sendText(c, text);
        }
    }

    void sendOne(WebSocketConnection c, JsonNode message) {
        sendText(c, message.toString());
    }

    private static void sendText(WebSocketConnection c, String text) {
        if (c.isOpen()) {
            c.sendText(text).subscribe().with(ok -> {}, failure -> Log.debugf("Review send failed: %s", failure));
        }
    }

    private static void close(WebSocketConnection c, CloseReason reason) {
        c.close(reason).subscribe().with(ok -> {}, failure -> Log.debugf("Review close failed: %s", failure));
    }

    private static Set<String> studyUids(Snapshot s) {
        var uids = new HashSet<String>();
        s.studies().forEach(st -> uids.add(st.studyUid()));
        return uids;
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
