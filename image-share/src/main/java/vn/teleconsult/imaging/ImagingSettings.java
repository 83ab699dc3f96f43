package vn.teleconsult.imaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the image-share module: where files go, size limits, the DIMSE listener. */
@ConfigMapping(prefix = "imaging")
public interface ImagingSettings {

    Storage storage();

    Stow stow();

    Dimse dimse();

    Review review();

    /** Where DICOM files are kept. */
    interface Storage {
        /** Root directory; defaults to {@code <teleconsult.home>/dicom}. */
        Optional<String> root();

        /** Flush each file to disk before it is moved into place (crash safety at some cost). */
        @WithDefault("true")
        boolean fsync();

        /**
         * Stored files without an index row are removed once older than this (a crash between moving a file into
         * place and committing its row leaves one); younger ones may be in the middle of being stored.
         */
        @WithDefault("1h")
        java.time.Duration orphanAge();

        /** How often recently written folders are swept for such files (a full sweep runs after each start). */
        @WithDefault("1h")
        java.time.Duration orphanSweepInterval();
    }

    /** Limits of DICOMweb STOW-RS. */
    interface Stow {
        /** Largest request body accepted, in bytes. */
        @WithDefault("2147483648")
        long maxRequestBytes();

        /** Largest single instance accepted, in bytes (STOW-RS and C-STORE). */
        @WithDefault("536870912")
        long maxInstanceBytes();

        /** Most parts in one STOW-RS request. */
        @WithDefault("5000")
        int maxParts();
    }

    /** The DICOM DIMSE service class provider. */
    interface Dimse {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("11112")
        int port();

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("TELECONSULT")
        String aeTitle();

        /** Refuse associations from calling AE titles that are not configured for a hospital. */
        @WithDefault("true")
        boolean refuseUnknownCallers();

        /** Most C-FIND matches returned for one request. */
        @WithDefault("1000")
        int maxFindResults();
    }

    /** Live review sessions. */
    interface Review {
        /** Shortest time between two announcements of arrived instances of one study (the first goes at once). */
        @WithDefault("250ms")
        java.time.Duration arrivalInterval();

        /** Most messages one participant may send per second; more are answered with an error and dropped. */
        @WithDefault("60")
        int maxMessagesPerSecond();
    }
}
