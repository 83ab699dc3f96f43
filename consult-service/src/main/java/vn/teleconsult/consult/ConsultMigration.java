package vn.teleconsult.consult;

import jakarta.enterprise.context.ApplicationScoped;
import vn.teleconsult.platform.migration.ModuleMigration;

/** Consults, their transitions, documents, thread and reports live in schema {@code consult}. */
@ApplicationScoped
public class ConsultMigration implements ModuleMigration {

    @Override
    public String schema() {
        return "consult";
    }
}
