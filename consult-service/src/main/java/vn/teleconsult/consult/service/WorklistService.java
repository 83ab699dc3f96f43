package vn.teleconsult.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import vn.teleconsult.consult.domain.WorklistFilter;
import vn.teleconsult.consult.repository.ConsultRepository;
import vn.teleconsult.consult.repository.ConsultRepository.Scope;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/**
 * Worklists by role: a coordinator's hub queue (by urgency, then age), a specialist's own cases, a satellite's sent
 * cases. Each listed consult is an audited read.
 */
@ApplicationScoped
public class WorklistService {

    private final ConsultRepository consults;
    private final ConsultAccess access;

    public WorklistService(ConsultRepository consults, ConsultAccess access) {
        this.consults = consults;
        this.access = access;
    }

    @Transactional
    public Worklist list(Actor actor, WorklistFilter filter, int offset, int limit) {
        if (actor.hospitalId() == null) {
            throw ProblemException.forbidden("Worklists are for hospital staff.");
        }
        String name;
        Scope scope;
        if (actor.has(Role.COORDINATOR)) {
            name = "hub-queue";
            scope = new Scope(null, actor.hospitalId(), null);
        } else if (actor.has(Role.HUB_SPECIALIST)) {
            name = "my-cases";
            scope = new Scope(null, actor.hospitalId(), actor.userId());
        } else if (actor.has(Role.SATELLITE_DOCTOR)) {
            name = "sent";
            scope = new Scope(actor.hospitalId(), null, null);
        } else {
            throw ProblemException.forbidden("Your role has no consult worklist.");
        }
        Instant now = Instant.now();
        var page = consults.worklist(scope, filter, now, offset, limit);
        page.items().forEach(c -> access.read(c, "worklist"));
        return new Worklist(
                name,
                page.items().stream().map(c -> ConsultSummary.of(c, now)).toList(),
                page.total(),
                consults.countsByState(scope, filter, now));
    }
}
