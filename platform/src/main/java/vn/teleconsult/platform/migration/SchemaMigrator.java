package vn.teleconsult.platform.migration;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/** Migrates every module's schema at start-up, before any other start-up work touches the database. */
@ApplicationScoped
public class SchemaMigrator {

    private final DataSource dataSource;
    private final List<ModuleMigration> modules;
    private final boolean migrateAtStart;

    public SchemaMigrator(
            DataSource dataSource,
            @All List<ModuleMigration> modules,
            @ConfigProperty(name = "teleconsult.migrate-at-start", defaultValue = "true") boolean migrateAtStart) {
        this.dataSource = dataSource;
        this.modules = modules;
        this.migrateAtStart = migrateAtStart;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (migrateAtStart) {
            migrateAll();
        }
    }

    /** Applies pending migrations of all modules, in a stable order (by schema name). */
    public void migrateAll() {
        modules.stream().sorted(Comparator.comparing(ModuleMigration::schema)).forEach(this::migrate);
    }

    private void migrate(ModuleMigration module) {
        var result = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(dataSource)
                .schemas(module.schema())
                .defaultSchema(module.schema())
                .createSchemas(true)
                .locations("classpath:" + module.location())
                .failOnMissingLocations(true)
                .load()
                .migrate();
        Log.infof(
                "Schema %s: %d migration(s) applied, now at version %s",
                module.schema(), result.migrationsExecuted, result.targetSchemaVersion);
    }
}
