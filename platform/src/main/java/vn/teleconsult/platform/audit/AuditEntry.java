package vn.teleconsult.platform.audit;

import java.util.Objects;

/**
 * One thing to write to the audit trail: what was done to which resource, for which patient, with what outcome.
 *
 * <p>{@code patientRef} and {@code resourceId} are identifiers only; {@code detail} is a short machine-like note such
 * as {@code "grant=password"} and must never hold names, birth dates or clinical text.
 */
public record AuditEntry(
        AuditAction action,
        String resourceType,
        String resourceId,
        String patientRef,
        AuditOutcome outcome,
        String detail) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditEntry of(AuditAction action, String resourceType, Object resourceId) {
        return new AuditEntry(
                action,
                resourceType,
                resourceId == null ? null : resourceId.toString(),
                null,
                AuditOutcome.SUCCESS,
                null);
    }

    public AuditEntry patient(Object patientRef) {
        return new AuditEntry(
                action, resourceType, resourceId, patientRef == null ? null : patientRef.toString(), outcome, detail);
    }

    public AuditEntry outcome(AuditOutcome newOutcome) {
        return new AuditEntry(action, resourceType, resourceId, patientRef, newOutcome, detail);
    }

    public AuditEntry detail(String newDetail) {
        return new AuditEntry(action, resourceType, resourceId, patientRef, outcome, newDetail);
    }
}
