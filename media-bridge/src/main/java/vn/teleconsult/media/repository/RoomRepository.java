package vn.teleconsult.media.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import vn.teleconsult.media.domain.Room;
import vn.teleconsult.media.domain.RoomState;

/** Rooms. */
@ApplicationScoped
public class RoomRepository implements PanacheRepositoryBase<Room, UUID> {

    /** The live room with this Janus number, locked until the transaction ends (events and closing serialize). */
    public Optional<Room> liveByJanusRoom(long janusRoom) {
        return find("janusRoom = ?1 and state <> ?2", janusRoom, RoomState.CLOSED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The room, locked until the transaction ends. */
    public Optional<Room> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Open rooms on a server, locked until the transaction ends. */
    public List<Room> openOn(String server) {
        return find("server = ?1 and state = ?2", server, RoomState.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public List<Room> recovering() {
        return list("state", RoomState.RECOVERING);
    }

    public List<Room> emptySince(Instant before) {
        return list("state = ?1 and emptySince < ?2", RoomState.OPEN, before);
    }

    /** Participants named for the open rooms of each server (its expected load), in one query. */
    public ToLongFunction<String> participantsByServer() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select r.server, count(*) from media.room_participant p"
                        + " join media.room r on r.id = p.room_id where r.state = 'OPEN' group by r.server")
                .getResultList();
        Map<String, Long> load = new HashMap<>();
        rows.forEach(row -> load.put((String) row[0], ((Number) row[1]).longValue()));
        return server -> load.getOrDefault(server, 0L);
    }

    /** Stores the hospitals the room belongs to (those of its consult or visit). */
    public void addHospitals(UUID roomId, Set<UUID> hospitals) {
        for (UUID hospital : hospitals) {
            getEntityManager()
                    .createNativeQuery("insert into media.room_hospital (room_id, hospital_id) values (?1, ?2)")
                    .setParameter(1, roomId)
                    .setParameter(2, hospital)
                    .executeUpdate();
        }
    }

    /** Whether the room belongs to the hospital. */
    public boolean belongsTo(UUID roomId, UUID hospitalId) {
        return !getEntityManager()
                .createNativeQuery("select 1 from media.room_hospital where room_id = ?1 and hospital_id = ?2")
                .setParameter(1, roomId)
                .setParameter(2, hospitalId)
                .getResultList()
                .isEmpty();
    }

    /** Open rooms per server, in one query. */
    public Map<String, Long> openRoomsByServer() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select server, count(*) from media.room where state = 'OPEN' group by server")
                .getResultList();
        Map<String, Long> open = new HashMap<>();
        rows.forEach(row -> open.put((String) row[0], ((Number) row[1]).longValue()));
        return open;
    }
}
