package vn.teleconsult.media.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.media.domain.Attendance;
import vn.teleconsult.media.domain.JoinGrant;
import vn.teleconsult.media.domain.Room;
import vn.teleconsult.media.domain.RoomState;
import vn.teleconsult.media.janus.JanusException;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.janus.VideoRoomAdmin;
import vn.teleconsult.media.repository.AttendanceRepository;
import vn.teleconsult.media.repository.GrantRepository;
import vn.teleconsult.media.repository.RoomRepository;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * Turns VideoRoom events from Janus's HTTP event handler into attendance, redeems grants when their holder has joined
 * (so the token cannot be used again), and kicks anyone in a room who joined without a grant.
 */
@ApplicationScoped
public class JanusEventService {

    /** Janus event type of plugin events. */
    static final int PLUGIN_EVENT = 64;

    private final RoomRepository rooms;
    private final GrantRepository grants;
    private final AttendanceRepository attendance;
    private final RoomService roomService;
    private final JanusPool pool;

    public JanusEventService(
            RoomRepository rooms,
            GrantRepository grants,
            AttendanceRepository attendance,
            RoomService roomService,
            JanusPool pool) {
        this.rooms = rooms;
        this.grants = grants;
        this.attendance = attendance;
        this.roomService = roomService;
        this.pool = pool;
    }

    /** A VideoRoom event about one participant. */
    public record RoomEvent(String event, long room, long feed, Instant at) {}

    /** Checks a POSTed body (one event or an array of them) completely before anything is applied. */
    public static List<RoomEvent> parse(JsonNode body) {
        if (body == null || !(body.isArray() || body.isObject())) {
            throw ProblemException.badRequest("Expected a Janus event object or an array of them.");
        }
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        List<RoomEvent> events = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject() || !item.path("type").isIntegralNumber()) {
                throw ProblemException.badRequest("Every event must be an object with an integer 'type'.");
            }
            if (item.path("type").asInt() != PLUGIN_EVENT
                    || !VideoRoomAdmin.PLUGIN.equals(
                            item.path("event").path("plugin").asText())) {
                continue;
            }
            JsonNode data = item.path("event").path("data");
            String name = data.path("event").asText("");
            if (!List.of("joined", "leaving", "published", "unpublished", "kicked")
                    .contains(name)) {
                continue;
            }
            if (!data.path("room").isIntegralNumber() || !data.path("id").isIntegralNumber()) {
                throw ProblemException.badRequest("VideoRoom event '" + name + "' without integer room and id.");
            }
            long micros = item.path("timestamp").asLong(0);
            Instant at = micros > 0 ? Instant.ofEpochSecond(0, micros * 1000) : Instant.now();
            events.add(new RoomEvent(
                    name, data.path("room").asLong(), data.path("id").asLong(), at));
        }
        return events;
    }

    @Transactional
    public int apply(List<RoomEvent> events) {
        int applied = 0;
        for (RoomEvent event : events) {
            Optional<Room> room = rooms.liveByJanusRoom(event.room());
            if (room.isEmpty() || room.get().state != RoomState.OPEN) {
                continue;
            }
            switch (event.event()) {
                case "joined" -> joined(room.get(), event);
                case "leaving", "kicked" -> left(room.get(), event);
                case "published" -> media(room.get(), event, true);
                default -> media(room.get(), event, false);
            }
            applied++;
        }
        return applied;
    }

    private void joined(Room room, RoomEvent event) {
        Optional<JoinGrant> found = grants.byFeed(room.id, event.feed())
                .filter(g -> g.epoch == room.epoch && g.redeemedAt == null && g.releasedAt == null);
        if (found.isEmpty()) {
            Log.warnf("Room %s: feed without a grant joined; kicking it", room.id);
            try {
                pool.rooms(room.server).kick(room.janusRoom, room.secret, event.feed());
            } catch (JanusException e) {
                Log.warnf("Room %s: kick failed (%s)", room.id, e.getMessage());
            }
            return;
        }
        JoinGrant grant = found.get();
        grant.redeemedAt = event.at();
        try {
            // single use: Janus refuses the next join with this token
            pool.rooms(room.server).disallow(room.janusRoom, room.secret, List.of(grant.token));
        } catch (JanusException e) {
            Log.warnf("Room %s: could not take a used grant off the allowed list (%s)", room.id, e.getMessage());
        }
        Attendance stay = new Attendance();
        stay.id = UUID.randomUUID();
        stay.roomId = room.id;
        stay.userId = grant.userId;
        stay.feedId = event.feed();
        stay.joinedAt = event.at();
        stay.mediaState = "joined";
        attendance.persist(stay);
        room.emptySince = null;
    }

    private void left(Room room, RoomEvent event) {
        attendance.present(room.id, event.feed()).ifPresent(stay -> {
            stay.leftAt = event.at();
            stay.mediaState = "left";
        });
        grants.byFeed(room.id, event.feed())
                .filter(g -> g.releasedAt == null)
                .ifPresent(g -> roomService.release(room, g, event.at()));
        attendance.flush();
        if (attendance.presentCount(room.id) == 0) {
            room.emptySince = event.at();
        }
    }

    private void media(Room room, RoomEvent event, boolean publishing) {
        attendance.present(room.id, event.feed()).ifPresent(stay -> {
            stay.published |= publishing;
            stay.mediaState = publishing ? "publishing" : "not publishing";
        });
    }
}
