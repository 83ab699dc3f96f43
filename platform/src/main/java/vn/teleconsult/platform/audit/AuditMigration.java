package vn.teleconsult.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import vn.teleconsult.platform.migration.ModuleMigration;

/** The audit trail lives in its own schema. */
@ApplicationScoped
public class AuditMigration implements ModuleMigration {

    @Override
    public String schema() {
        return "audit";
    }
}
