package vn.teleconsult.consult.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import vn.teleconsult.consult.repository.ConsultRepository;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.security.Role;

/** Escalates consults past their response target to the hub's coordinators, once each. */
@ApplicationScoped
public class Escalation {

    private final ConsultRepository consults;
    private final Notifications notifications;
    private final Directory directory;

    public Escalation(ConsultRepository consults, Notifications notifications, Directory directory) {
        this.consults = consults;
        this.notifications = notifications;
        this.directory = directory;
    }

    @Scheduled(
            every = "${consult.sla.check-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "consult-sla-escalation")
    void check() {
        escalate(Instant.now());
    }

    /** Marks overdue consults escalated and notifies their hub's coordinators; answers how many. */
    @Transactional
    public int escalate(Instant now) {
        int escalated = 0;
        for (var c : consults.overdueNotEscalated(now)) {
            // a bulk update: it does not bump the consult's version, so it never makes a user's change fail
            if (!consults.markEscalated(c.id, now)) {
                continue; // another replica was first
            }
            escalated++;
            var coordinators = directory.staff(c.hubId, Role.COORDINATOR).stream()
                    .map(p -> p.id())
                    .toList();
            notifications.notify(coordinators, c.id, "OVERDUE", null);
            Log.infof("Consult %s (%s) is past its response target: escalated", c.id, c.urgency);
        }
        return escalated;
    }
}
