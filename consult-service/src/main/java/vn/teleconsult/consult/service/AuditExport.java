package vn.teleconsult.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditFilter;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditRecord;
import vn.teleconsult.platform.audit.AuditSearch;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Exports the audit trail as FHIR R4 AuditEvent resources for administrators; the export is itself audited. */
@ApplicationScoped
public class AuditExport {

    /** What to export; null fields do not restrict. {@code outcome} is FHIR's 0 (success), 4 (denied), 8 (failed). */
    public record Query(Instant from, Instant to, String patient, String entity, String outcome, String agent) {}

    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";

    private final AuditSearch search;
    private final AuditTrail audit;

    public AuditExport(AuditSearch search, AuditTrail audit) {
        this.search = search;
        this.audit = audit;
    }

    public List<AuditEvent> search(Actor actor, Query q, int count) {
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
        var found = search.search(filter, 0, Math.max(count, 1));
        audit.record(AuditEntry.of(AuditAction.EXPORT, "AuditEvent", null)
                .detail("fhir n=" + found.items().size()));
        return found.items().stream().limit(count).map(AuditExport::event).toList();
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

    static AuditEvent event(AuditRecord r) {
        var e = new AuditEvent();
        e.setId(Long.toString(r.id()));
        e.setType(new Coding(DCM, "110110", "Patient Record"));
        e.setAction(
                switch (r.action()) {
                    case CREATE -> AuditEvent.AuditEventAction.C;
                    case READ, LOGIN, LOGOUT -> AuditEvent.AuditEventAction.R;
                    case UPDATE -> AuditEvent.AuditEventAction.U;
                    case DELETE -> AuditEvent.AuditEventAction.D;
                    case EXECUTE, EXPORT -> AuditEvent.AuditEventAction.E;
                });
        e.addSubtype(new Coding(
                "https://teleconsult.vn/fhir/CodeSystem/audit-action",
                r.action().name(),
                null));
        e.setRecorded(Date.from(r.occurredAt()));
        e.setOutcome(
                switch (r.outcome()) {
                    case SUCCESS -> AuditEvent.AuditEventOutcome._0;
                    case DENIED -> AuditEvent.AuditEventOutcome._4;
                    case FAILED -> AuditEvent.AuditEventOutcome._8;
                });
        if (r.detail() != null) {
            e.setOutcomeDesc(r.detail());
        }
        var agent = e.addAgent().setRequestor(true);
        if (r.actorId() != null) {
            agent.setWho(new Reference()
                    .setIdentifier(new Identifier()
                            .setSystem("https://teleconsult.vn/fhir/NamingSystem/user")
                            .setValue(r.actorId()))
                    .setDisplay(r.actorName()));
        }
        if (r.actorHospital() != null) {
            agent.setLocation(new Reference("Organization/" + r.actorHospital()));
        }
        if (r.sourceAddress() != null) {
            agent.getNetwork().setAddress(r.sourceAddress()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        e.getSource().setObserver(new Reference().setDisplay("TeleConsult")).setSite("teleconsult");
        var what = e.addEntity()
                .setWhat(new Reference()
                        .setType(r.resourceType())
                        .setIdentifier(new Identifier().setValue(r.resourceId())));
        what.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
        if (r.patientRef() != null) {
            e.addEntity()
                    .setWhat(new Reference()
                            .setType("Patient")
                            .setIdentifier(new Identifier()
                                    .setSystem("https://teleconsult.vn/fhir/NamingSystem/patient-key")
                                    .setValue(r.patientRef())))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"));
        }
        return e;
    }
}
