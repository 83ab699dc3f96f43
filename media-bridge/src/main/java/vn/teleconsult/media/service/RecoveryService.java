package vn.teleconsult.media.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.media.MediaSettings;
import vn.teleconsult.media.domain.JoinGrant;
import vn.teleconsult.media.domain.Room;
import vn.teleconsult.media.domain.RoomState;
import vn.teleconsult.media.janus.JanusPool;
import vn.teleconsult.media.repository.AttendanceRepository;
import vn.teleconsult.media.repository.GrantRepository;
import vn.teleconsult.media.repository.RoomRepository;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * Keeps rooms alive across Janus failures: rooms of a lost server are re-created on a healthy one (the same one once
 * it is back) and their participants told to reconnect; also retires unused grants and empty rooms.
 */
@ApplicationScoped
public class RecoveryService {

    private final RoomRepository rooms;
    private final GrantRepository grants;
    private final AttendanceRepository attendance;
    private final RoomService roomService;
    private final JanusPool pool;
    private final MediaSettings settings;
    private final Event<ParticipantNotice> notices;

    public RecoveryService(
            RoomRepository rooms,
            GrantRepository grants,
            AttendanceRepository attendance,
            RoomService roomService,
            JanusPool pool,
            MediaSettings settings,
            Event<ParticipantNotice> notices) {
        this.rooms = rooms;
        this.grants = grants;
        this.attendance = attendance;
        this.roomService = roomService;
        this.pool = pool;
        this.settings = settings;
        this.notices = notices;
    }

    /** The rooms of lost servers wait for a new home; their grants and stays end (Janus forgot them). */
    @Transactional
    public List<UUID> serversLost(Set<String> servers) {
        Instant now = Instant.now();
        List<Room> lost =
                servers.stream().flatMap(s -> rooms.openOn(s).stream()).toList();
        for (Room room : lost) {
            room.state = RoomState.RECOVERING;
            grants.unreleased(room.id).forEach(g -> g.releasedAt = now);
            attendance.allPresent(room.id).forEach(a -> {
                a.leftAt = now;
                a.mediaState = "server lost";
            });
            Log.warnf("Room %s lost with Janus %s; re-creating it", room.id, room.server);
        }
        return lost.stream().map(r -> r.id).toList();
    }

    /** Re-creates one waiting room on the healthy server with the fewest participants; false if none is up. */
    @Transactional
    public boolean recreate(UUID roomId) {
        Room room = rooms.locked(roomId).orElse(null);
        if (room == null || room.state != RoomState.RECOVERING) {
            return true;
        }
        var server = pool.pick(rooms.participantsByServer());
        if (server.isEmpty()) {
            return false;
        }
        room.server = server.get();
        room.janusRoom = RoomService.newJanusRoom();
        room.epoch++;
        room.emptySince = null;
        try {
            roomService.createInJanus(room);
        } catch (ProblemException e) {
            return false; // rolled back; tried again on the next check
        }
        room.state = RoomState.OPEN;
        notices.fire(new ParticipantNotice("reconnect", room.id, roomService.participantIds(room.id)));
        Log.infof("Room %s re-created on Janus %s (epoch %d)", room.id, room.server, room.epoch);
        return true;
    }

    @Transactional
    public List<UUID> recovering() {
        return rooms.recovering().stream().map(r -> r.id).toList();
    }

    /** Takes grants nobody used in time out of Janus. */
    @Transactional
    public int expireGrants() {
        Instant now = Instant.now();
        List<JoinGrant> expired = grants.expiredUnused(now);
        for (JoinGrant grant : expired) {
            Room room = rooms.findById(grant.roomId);
            roomService.release(room, grant, now);
        }
        return expired.size();
    }

    /** Rooms empty for longer than the grace period. */
    @Transactional
    public List<UUID> emptyRooms() {
        return rooms.emptySince(Instant.now().minus(settings.emptyGrace())).stream()
                .map(r -> r.id)
                .toList();
    }
}
