package vn.teleconsult.identity;

import jakarta.enterprise.context.ApplicationScoped;
import vn.teleconsult.platform.migration.ModuleMigration;

/** Hospitals, users and tokens live in schema {@code identity}. */
@ApplicationScoped
public class IdentityMigration implements ModuleMigration {

    @Override
    public String schema() {
        return "identity";
    }
}
