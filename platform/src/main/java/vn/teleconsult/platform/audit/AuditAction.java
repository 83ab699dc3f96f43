package vn.teleconsult.platform.audit;

/** What was done to the audited resource. */
public enum AuditAction {
    CREATE,
    READ,
    UPDATE,
    DELETE,
    EXECUTE,
    LOGIN,
    LOGOUT,
    EXPORT
}
