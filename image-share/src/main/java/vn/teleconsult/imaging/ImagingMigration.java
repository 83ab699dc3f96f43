package vn.teleconsult.imaging;

import jakarta.enterprise.context.ApplicationScoped;
import vn.teleconsult.platform.migration.ModuleMigration;

/** The image-share module's tables live in schema {@code imaging}, migrated from {@code db/imaging}. */
@ApplicationScoped
public class ImagingMigration implements ModuleMigration {

    @Override
    public String schema() {
        return "imaging";
    }
}
