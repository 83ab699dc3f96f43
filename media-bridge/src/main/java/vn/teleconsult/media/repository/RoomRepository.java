package vn.teleconsult.media.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
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

    public Optional<Room> liveByJanusRoom(long janusRoom) {
        return find("janusRoom = ?1 and state <> ?2", janusRoom, RoomState.CLOSED)
                .firstResultOptional();
    }

    public boolean liveFor(RoomKind kind, UUID referenceId) {
        return count("kind = ?1 and referenceId = ?2 and state <> ?3", kind, referenceId, RoomState.CLOSED) > 0;
    }

    public List<Room> openOn(String server) {
        return list("server = ?1 and state = ?2", server, RoomState.OPEN);
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
