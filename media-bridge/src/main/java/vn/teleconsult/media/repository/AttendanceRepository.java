package vn.teleconsult.media.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.media.domain.Attendance;

/** Attendance records. */
@ApplicationScoped
public class AttendanceRepository implements PanacheRepositoryBase<Attendance, UUID> {

    public List<Attendance> ofRoom(UUID roomId) {
        return list("roomId = ?1 order by joinedAt", roomId);
    }

    public Optional<Attendance> present(UUID roomId, long feedId) {
        return find("roomId = ?1 and feedId = ?2 and leftAt is null", roomId, feedId)
                .firstResultOptional();
    }

    /** The open stay whose publisher uses this Janus handle. */
    public Optional<Attendance> presentByHandle(long handleId) {
        return find("handleId = ?1 and leftAt is null", handleId).firstResultOptional();
    }

    public long presentCount(UUID roomId) {
        return count("roomId = ?1 and leftAt is null", roomId);
    }

    public List<Attendance> allPresent(UUID roomId) {
        return list("roomId = ?1 and leftAt is null", roomId);
    }
}
