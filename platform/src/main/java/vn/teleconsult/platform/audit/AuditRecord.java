package vn.teleconsult.platform.audit;

import java.time.Instant;
import java.util.UUID;

/** A read-only view of one audit trail row. */
public record AuditRecord(
        long id,
        Instant occurredAt,
        String actorId,
        String actorName,
        String actorRoles,
        UUID actorHospital,
        AuditAction action,
        String resourceType,
        String resourceId,
        String patientRef,
        AuditOutcome outcome,
        String sourceAddress,
        String detail) {

    static AuditRecord of(AuditEvent e) {
        return new AuditRecord(
                e.id,
                e.occurredAt,
                e.actorId,
                e.actorName,
                e.actorRoles,
                e.actorHospital,
                e.action,
                e.resourceType,
                e.resourceId,
                e.patientRef,
                e.outcome,
                e.sourceAddress,
                e.detail);
    }
}
