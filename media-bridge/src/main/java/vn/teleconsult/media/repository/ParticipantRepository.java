package vn.teleconsult.media.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.media.domain.RoomParticipant;

/** Participants of rooms. */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<RoomParticipant, RoomParticipant.Key> {

    public Optional<RoomParticipant> of(UUID roomId, UUID userId) {
        return findByIdOptional(new RoomParticipant.Key(roomId, userId));
    }

    public List<RoomParticipant> ofRoom(UUID roomId) {
        return list("key.roomId", roomId);
    }

    public List<RoomParticipant> waiting(UUID roomId) {
        return list(
                "key.roomId = ?1 and waitingSince is not null and admittedAt is null order by waitingSince", roomId);
    }
}
