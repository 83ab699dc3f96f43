package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditFilter;
import vn.teleconsult.platform.audit.AuditSearch;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/**
 * Lets administrators read the audit trail: network administrators all of it, hospital administrators what their own
 * hospital's staff did. Reading the trail is itself audited.
 */
@ApplicationScoped
public class AuditReader {

    private final AuditSearch search;
    private final AuditTrail audit;
    private final AdminPolicy policy;

    public AuditReader(AuditSearch search, AuditTrail audit, AdminPolicy policy) {
        this.search = search;
        this.audit = audit;
        this.policy = policy;
    }

    public AuditSearch.Result search(Actor actor, AuditFilter filter, int offset, int limit) {
        policy.requireAdmin(actor);
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ProblemException.badRequest("from must be before to.");
        }
        var scoped = filter;
        if (!actor.isNetworkAdmin()) {
            if (filter.actorHospital() != null && !filter.actorHospital().equals(actor.hospitalId())) {
                throw ProblemException.forbidden("You can only read the audit trail of your own hospital.");
            }
            scoped = new AuditFilter(
                    filter.actorId(),
                    actor.hospitalId(),
                    filter.patientRef(),
                    filter.resourceType(),
                    filter.resourceId(),
                    filter.action(),
                    filter.outcome(),
                    filter.from(),
                    filter.to());
        }
        var result = search.search(scoped, offset, limit);
        audit.record(AuditEntry.of(AuditAction.READ, "AuditTrail", null).patient(filter.patientRef()));
        return result;
    }
}
