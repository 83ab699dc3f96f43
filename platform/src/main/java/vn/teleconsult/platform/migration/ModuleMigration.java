package vn.teleconsult.platform.migration;

/**
 * Declares one module's database schema and the classpath folder of its Flyway migrations.
 *
 * <p>Each module owns its schema and migrates it with its own history table, so modules can evolve (and later be
 * split) independently. A module exposes one {@code @ApplicationScoped} bean of this type.
 */
public interface ModuleMigration {

    /** The PostgreSQL schema the module owns, e.g. {@code identity}. */
    String schema();

    /** Classpath folder of the module's migrations, e.g. {@code db/identity}. */
    default String location() {
        return "db/" + schema();
    }
}
