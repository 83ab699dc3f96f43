package vn.teleconsult.platform.audit;

/** Whether the audited attempt succeeded, was refused by access rules, or failed. */
public enum AuditOutcome {
    SUCCESS,
    DENIED,
    FAILED
}
