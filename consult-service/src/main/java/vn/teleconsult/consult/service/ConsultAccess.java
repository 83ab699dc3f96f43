package vn.teleconsult.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.repository.ConsultRepository;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/**
 * Who sees which consult: satellite doctors their own hospital's, the hub's coordinators and specialists those sent
 * to it (never drafts). Anything else answers 404 and is audited as a denied attempt. Callers hold a transaction.
 */
@ApplicationScoped
public class ConsultAccess {

    public static final String RESOURCE = "Consult";

    private final ConsultRepository consults;
    private final AuditTrail audit;

    public ConsultAccess(ConsultRepository consults, AuditTrail audit) {
        this.consults = consults;
        this.audit = audit;
    }

    public static boolean canSee(Actor actor, Consult c) {
        if (actor.hospitalId() == null) {
            return false;
        }
        if (actor.has(Role.SATELLITE_DOCTOR) && actor.hospitalId().equals(c.requestingHospitalId)) {
            return true;
        }
        return (actor.has(Role.COORDINATOR) || actor.has(Role.HUB_SPECIALIST))
                && actor.hospitalId().equals(c.hubId)
                && c.state != ConsultState.DRAFT;
    }

    /** The consult if the actor may see it; otherwise 404, audited as denied. Does not audit the read itself. */
    public Consult visible(Actor actor, UUID id, AuditAction action, String what) {
        return consults.findByIdOptional(id).filter(c -> canSee(actor, c)).orElseThrow(() -> denied(id, action, what));
    }

    /** Like {@link #visible}, for a change (the denied attempt is audited as an update). */
    public Consult forChange(Actor actor, UUID id, String what) {
        return visible(actor, id, AuditAction.UPDATE, what);
    }

    /** The actor must be a member of the consult (the requester, its coordinator or its specialist). */
    public static void requireMember(Actor actor, Consult c, String what) {
        if (!c.members().contains(actor.userId())) {
            throw ProblemException.forbidden("Only the consult's members may " + what + ".");
        }
    }

    /** Writers of the case thread and documents: its hospital's doctors, the hub's coordinators, its specialist. */
    public static void requireWriter(Actor actor, Consult c) {
        boolean satellite =
                actor.has(Role.SATELLITE_DOCTOR) && actor.hospitalId().equals(c.requestingHospitalId);
        boolean coordinator = actor.has(Role.COORDINATOR) && actor.hospitalId().equals(c.hubId);
        boolean specialist = actor.has(Role.HUB_SPECIALIST) && actor.userId().equals(c.specialistId);
        if (!satellite && !coordinator && !specialist) {
            throw ProblemException.forbidden(
                    "A hub specialist writes only on consults assigned to them; this one is not assigned to you.");
        }
    }

    public void read(Consult c, String detail) {
        audit.record(AuditEntry.of(AuditAction.READ, RESOURCE, c.id)
                .patient(c.patientKey)
                .detail(detail));
    }

    public void changed(Consult c, String detail) {
        audit.record(AuditEntry.of(AuditAction.UPDATE, RESOURCE, c.id)
                .patient(c.patientKey)
                .detail(detail));
    }

    private ProblemException denied(UUID id, AuditAction action, String what) {
        audit.record(
                AuditEntry.of(action, RESOURCE, id).outcome(AuditOutcome.DENIED).detail("not visible: " + what));
        return new ConsultNotFound(id);
    }
}
