package vn.teleconsult.platform.audit;

import java.time.Instant;
import java.util.UUID;

/** Criteria for searching the audit trail; null fields do not restrict. */
public record AuditFilter(
        String actorId,
        UUID actorHospital,
        String patientRef,
        String resourceType,
        String resourceId,
        AuditAction action,
        AuditOutcome outcome,
        Instant from,
        Instant to) {}
