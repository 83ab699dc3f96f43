package vn.teleconsult.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.repository.NotificationRepository;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** The caller's own consult notifications: list and mark read. */
@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;

    public NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public List<NotificationView> mine(Actor actor, boolean unreadOnly, int limit) {
        return notifications.of(actor.userId(), unreadOnly, limit).stream()
                .map(n -> new NotificationView(n.id, n.consultId, n.kind, n.createdAt, n.readAt))
                .toList();
    }

    @Transactional
    public void markRead(Actor actor, UUID id) {
        if (notifications.markRead(actor.userId(), id, Instant.now()) == 0) {
            throw ProblemException.notFound("No unread notification " + id + " of yours.");
        }
    }
}
