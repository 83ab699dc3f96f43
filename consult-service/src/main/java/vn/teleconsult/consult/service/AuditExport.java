package vn.teleconsult.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditFilter;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditSearch;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Exports the audit trail as FHIR R4 AuditEvent resources for administrators; the export is itself audited. */
@ApplicationScoped
public class AuditExport {

    /** What to export; null fields do not restrict. {@code outcome} is FHIR's 0 (success), 4 (denied), 8 (failed). */
    public record Query(Instant from, Instant to, String patient, String entity, String outcome, String agent) {}

    private final AuditSearch search;
    private final AuditTrail audit;

    public AuditExport(AuditSearch search, AuditTrail audit) {
        this.search = search;
        this.audit = audit;
    }

    /** One page of the export and how many entries match in all. */
    public record Page(List<AuditEvent> page, long total) {}

    public Page search(Actor actor, Query q, int offset, int count) {
        if (!actor.has(vn.teleconsult.platform.security.Role.ADMIN)) {
            throw ProblemException.forbidden("The audit trail is for administrators.");
        }
        var filter = new AuditFilter(
                q.agent(),
                actor.isNetworkAdmin() ? null : actor.hospitalId(),
                q.patient(),
                null,
                q.entity(),
                null,
                outcome(q.outcome()),
                q.from(),
                q.to());
        var found = search.search(filter, offset, Math.max(count, 1));
        var events = found.items().stream().limit(count).map(AuditEvents::event).toList();
        audit.record(AuditEntry.of(AuditAction.EXPORT, "AuditEvent", null).detail("fhir n=" + events.size()));
        return new Page(events, found.total());
    }

    private static AuditOutcome outcome(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "0" -> AuditOutcome.SUCCESS;
            case "4" -> AuditOutcome.DENIED;
            case "8" -> AuditOutcome.FAILED;
            default -> throw ProblemException.badRequest("outcome: 0 (success), 4 (denied) or 8 (failed).");
        };
    }
}
