package vn.teleconsult.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import vn.teleconsult.platform.migration.ModuleMigration;

/** The list of revoked access tokens lives in the platform's own schema {@code security}. */
@ApplicationScoped
public class RevocationMigration implements ModuleMigration {

    @Override
    public String schema() {
        return "security";
    }
}
