package vn.teleconsult.media;

import jakarta.enterprise.context.ApplicationScoped;
import vn.teleconsult.platform.migration.ModuleMigration;

/** The media-bridge module's tables live in schema {@code media}, migrated from {@code db/media}. */
@ApplicationScoped
public class MediaMigration implements ModuleMigration {

    @Override
    public String schema() {
        return "media";
    }
}
