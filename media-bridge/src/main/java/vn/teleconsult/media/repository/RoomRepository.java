package vn.teleconsult.media.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.media.domain.Room;
import vn.teleconsult.media.domain.RoomKind;
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

    public boolean liveFor(RoomKind kind, UUID referenceId) {
        return count("kind = ?1 and referenceId = ?2 and state <> ?3", kind, referenceId, RoomState.CLOSED) > 0;
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

    /** Participants named for the open rooms on a server: its expected load. */
    public long participantsOn(String server) {
        Number n = (Number) getEntityManager()
                .createNativeQuery("select count(*) from media.room_participant p join media.room r on r.id = p.room_id"
                        + " where r.server = ?1 and r.state = 'OPEN'")
                .setParameter(1, server)
                .getSingleResult();
        return n.longValue();
    }
}
