package vn.teleconsult.imaging.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where DICOM files live. Files arrive in a temporary file and are moved into place only when complete, so a reader
 * never sees half an instance. A file system implementation exists; an S3-compatible store can be added behind this.
 */
public interface InstanceStorage {

    /** A new empty temporary file to receive an instance into; the caller deletes it if it is not committed. */
    Path newTempFile() throws IOException;

    /** The storage key an instance is kept under; IllegalArgumentException for UIDs that are not valid UIDs. */
    String key(String studyUid, String seriesUid, String sopInstanceUid);

    /** A complete temporary file and the key it is to be stored under. */
    record Incoming(Path temp, String key) {}

    /**
     * Moves complete temporary files into place under their keys, replacing what is there. When it returns, the files
     * and their names are on stable storage (as configured), so an instance indexed afterwards survives a crash.
     */
    void commit(List<Incoming> incoming) throws IOException;

    /** A local path to read the stored file from. */
    Path file(String key);

    /** Removes a stored file (no error when it is already gone). */
    void delete(String key) throws IOException;

    /** A stored file's key and when it was last written. */
    record StoredKey(String key, String sopInstanceUid, Instant modified) {}

    /**
     * Calls back with every stored file, or only those in places written to since {@code since} (null: all), so that
     * files without index rows can be found and removed.
     */
    void list(Instant since, Consumer<StoredKey> each) throws IOException;
}
