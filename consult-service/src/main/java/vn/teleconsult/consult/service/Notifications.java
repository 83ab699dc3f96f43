package vn.teleconsult.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import vn.teleconsult.consult.domain.ConsultNotification;
import vn.teleconsult.consult.repository.NotificationRepository;

/** Stores notifications for users in the caller's transaction, so a notice exists exactly when its change does. */
@ApplicationScoped
public class Notifications {

    private final NotificationRepository notifications;

    public Notifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public void notify(Collection<UUID> users, UUID consultId, String kind, UUID except) {
        Instant now = Instant.now();
        users.stream().distinct().filter(u -> u != null && !u.equals(except)).forEach(u -> {
            var n = new ConsultNotification();
            n.id = UUID.randomUUID();
            n.userId = u;
            n.consultId = consultId;
            n.kind = kind;
            n.createdAt = now;
            notifications.persist(n);
        });
    }
}
