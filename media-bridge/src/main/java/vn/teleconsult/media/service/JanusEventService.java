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
 * (so the token cannot be used again), kicks anyone in a room who joined without a grant, and keeps each stay's media
 * state from the WebRTC and media events of the participant's publisher handle.
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

    /** Janus event type of WebRTC events (ICE, DTLS, webrtcup, hangup). */
    static final int WEBRTC_EVENT = 16;

    /** Janus event type of media events (receiving or not, slow link, stats). */
    static final int MEDIA_EVENT = 32;

    /** An event the bridge acts on, in the order Janus sent them. */
    public sealed interface Event permits RoomEvent, HandleEvent {}

    /** A VideoRoom event about one participant; {@code handle} is the publisher's Janus handle, when Janus says. */
    public record RoomEvent(String event, long room, long feed, Long handle, Instant at) implements Event {}

    /**
     * A WebRTC or media event of one Janus handle: {@code webrtcup}, {@code hangup} (with {@code detail} the reason),
     * {@code receiving} or {@code not receiving} (with {@code detail} audio or video), {@code slow link}.
     */
    public record HandleEvent(long handle, String state, String detail, Instant at) implements Event {}

    /** Checks a POSTed body (one event or an array of them) completely before anything is applied. */
    public static List<Event> parse(JsonNode body) {
        if (body == null || !(body.isArray() || body.isObject())) {
            throw ProblemException.badRequest("Expected a Janus event object or an array of them.");
        }
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        List<Event> events = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject() || !item.path("type").isIntegralNumber()) {
                throw ProblemException.badRequest("Every event must be an object with an integer 'type'.");
            }
            long micros = item.path("timestamp").asLong(0);
            Instant at = micros > 0 ? Instant.ofEpochSecond(0, micros * 1000) : Instant.now();
            int type = item.path("type").asInt();
            if (type == PLUGIN_EVENT) {
                roomEvent(item, at).ifPresent(events::add);
            } else if (type == WEBRTC_EVENT || type == MEDIA_EVENT) {
                handleEvent(item, type, at).ifPresent(events::add);
            }
        }
        return events;
    }

    private static Optional<Event> roomEvent(JsonNode item, Instant at) {
        if (!VideoRoomAdmin.PLUGIN.equals(item.path("event").path("plugin").asText())) {
            return Optional.empty();
        }
        JsonNode data = item.path("event").path("data");
        String name = data.path("event").asText("");
        if (!List.of("joined", "leaving", "published", "unpublished", "kicked").contains(name)) {
            return Optional.empty();
        }
        if (!data.path("room").isIntegralNumber() || !data.path("id").isIntegralNumber()) {
            throw ProblemException.badRequest("VideoRoom event '" + name + "' without integer room and id.");
        }
        Long handle = item.path("handle_id").isIntegralNumber()
                ? item.path("handle_id").asLong()
                : null;
        return Optional.of(
                new RoomEvent(name, data.path("room").asLong(), data.path("id").asLong(), handle, at));
    }

    private static Optional<Event> handleEvent(JsonNode item, int type, Instant at) {
        JsonNode event = item.path("event");
        String state;
        String detail = null;
        if (type == WEBRTC_EVENT && event.has("connection")) {
            state = event.path("connection").asText();
            if (!state.equals("webrtcup") && !state.equals("hangup")) {
                return Optional.empty();
            }
            detail = state.equals("hangup") ? clip(event.path("reason").asText("")) : null;
        } else if (type == MEDIA_EVENT && event.has("receiving")) {
            if (!event.path("receiving").isBoolean()) {
                throw ProblemException.badRequest("Media event 'receiving' must be true or false.");
            }
            state = event.path("receiving").asBoolean() ? "receiving" : "not receiving";
            detail = event.path("media").asText("");
            if (!detail.equals("audio") && !detail.equals("video")) {
                return Optional.empty(); // data channels
            }
        } else if (type == MEDIA_EVENT && event.has("slow_link")) {
            state = "slow link";
        } else {
            return Optional.empty(); // ICE and DTLS steps, stats
        }
        if (!item.path("handle_id").isIntegralNumber()) {
            throw ProblemException.badRequest("WebRTC and media events need an integer 'handle_id'.");
        }
        return Optional.of(new HandleEvent(item.path("handle_id").asLong(), state, detail, at));
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    @Transactional
    public int apply(List<Event> events) {
        int applied = 0;
        for (Event any : events) {
            if (any instanceof HandleEvent event) {
                applied += media(event) ? 1 : 0;
                continue;
            }
            RoomEvent event = (RoomEvent) any;
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
        stay.handleId = event.handle();
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

    /** WebRTC and media state of a participant's publisher handle; events of other handles (subscribers) are not. */
    private boolean media(HandleEvent event) {
        Optional<Attendance> found = attendance.presentByHandle(event.handle());
        if (found.isEmpty()) {
            return false;
        }
        Attendance stay = found.get();
        // lock order as in closing and in VideoRoom events: the room first, then its stays (else they deadlock)
        if (rooms.locked(stay.roomId).isEmpty()) {
            return false;
        }
        attendance.getEntityManager().refresh(stay);
        if (stay.leftAt != null) {
            return false; // the room closed meanwhile
        }
        switch (event.state()) {
            case "webrtcup" -> {
                if (stay.webrtcUpAt == null) {
                    stay.webrtcUpAt = event.at();
                }
            }
            case "hangup" -> {
                stay.hangupReason = event.detail();
                stay.mediaState = "hung up";
            }
            case "slow link" -> stay.slowLinks++;
            default -> {
                if ("audio".equals(event.detail())) {
                    stay.audio = event.state();
                } else {
                    stay.video = event.state();
                }
            }
        }
        return true;
    }

    private void media(Room room, RoomEvent event, boolean publishing) {
        attendance.present(room.id, event.feed()).ifPresent(stay -> {
            stay.published |= publishing;
            stay.mediaState = publishing ? "publishing" : "not publishing";
        });
    }
}
