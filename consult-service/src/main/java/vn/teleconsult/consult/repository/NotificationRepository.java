package vn.teleconsult.consult.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.ConsultNotification;

/** Users' consult notifications, newest first. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<ConsultNotification, UUID> {

    public List<ConsultNotification> of(UUID userId, boolean unreadOnly, int limit) {
        String query = unreadOnly ? "userId = ?1 and readAt is null" : "userId = ?1";
        return find(query + " order by createdAt desc, id", userId)
                .page(0, limit)
                .list();
    }

    public int markRead(UUID userId, UUID id, Instant at) {
        return update("readAt = ?1 where userId = ?2 and id = ?3 and readAt is null", at, userId, id);
    }
}
