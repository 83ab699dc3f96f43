package vn.teleconsult.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import vn.teleconsult.platform.migration.ModuleMigration;

/** The scheduling module's tables live in schema {@code scheduling}, migrated from {@code db/scheduling}. */
@ApplicationScoped
public class SchedulingMigration implements ModuleMigration {

    @Override
    public String schema() {
        return "scheduling";
    }
}
