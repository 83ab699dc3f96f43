package vn.teleconsult.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.stream.Collectors;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.CurrentActor;

/**
 * Writes to the append-only audit trail; every module calls this on each read or change of patient data.
 *
 * <p>Each entry is written in its own transaction, so a refused or failed request is recorded even when the request's
 * own transaction rolls back.
 */
@ApplicationScoped
public class AuditTrail {

    private final CurrentActor currentActor;

    public AuditTrail(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    /** Records the entry for the caller of the current request (or the system, outside a request). */
    public void record(AuditEntry entry) {
        record(
                entry,
                currentActor.actor().orElse(null),
                currentActor.remoteAddress().orElse(null));
    }

    /** Records the entry for an explicitly given actor, e.g. during sign-in before a token exists. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditEntry entry, Actor actor, String sourceAddress) {
        var event = new AuditEvent();
        event.occurredAt = Instant.now();
        if (actor != null) {
            event.actorId = actor.id();
            event.actorName = actor.username();
            event.actorRoles = actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
            event.actorHospital = actor.hospitalId();
        }
        event.action = entry.action();
        event.resourceType = entry.resourceType();
        event.resourceId = entry.resourceId();
        event.patientRef = entry.patientRef();
        event.outcome = entry.outcome();
        event.sourceAddress = sourceAddress;
        event.detail = entry.detail();
        event.persist();
    }
}
