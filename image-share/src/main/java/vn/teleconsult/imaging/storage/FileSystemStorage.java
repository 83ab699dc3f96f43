package vn.teleconsult.imaging.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.dicom.DicomUids;

/** Keeps instances as files under {@code <root>/studies/<study>/<series>/<instance>.dcm}, temporary files in tmp/. */
@ApplicationScoped
public class FileSystemStorage implements InstanceStorage {

    private final Path root;
    private final Path temp;
    private final boolean fsync;

    public FileSystemStorage(ImagingSettings settings, @ConfigProperty(name = "teleconsult.home") String home)
            throws IOException {
        this.root = Path.of(settings.storage().root().orElse(home + "/dicom"))
                .toAbsolutePath()
                .normalize();
        this.temp = root.resolve("tmp");
        this.fsync = settings.storage().fsync();
        Files.createDirectories(temp);
        removeStaleTemporaryFiles();
    }

    /** Deletes what interrupted receptions left in tmp/ more than an hour ago (other replicas may be receiving now). */
    private void removeStaleTemporaryFiles() throws IOException {
        var cutoff = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (var files = Files.walk(temp)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public Path newTempFile() throws IOException {
        return Files.createTempFile(temp, "in-", ".part");
    }

    @Override
    public String commit(Path tempFile, String studyUid, String seriesUid, String sopInstanceUid) throws IOException {
        for (String uid : new String[] {studyUid, seriesUid, sopInstanceUid}) {
            if (!DicomUids.isValid(uid)) {
                throw new IOException("refusing a storage key from an invalid UID");
            }
        }
        String key = "studies/" + studyUid + "/" + seriesUid + "/" + sopInstanceUid + ".dcm";
        Path target = file(key);
        Files.createDirectories(target.getParent());
        if (fsync) {
            try (var channel = FileChannel.open(tempFile, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        try {
            Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tempFile, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return key;
    }

    @Override
    public Path file(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root.resolve("studies"))) {
            throw new IllegalArgumentException("storage key outside the storage root");
        }
        return path;
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = file(key);
        Files.deleteIfExists(file);
        // drop the series and study folders when they became empty (another writer may fill them again meanwhile)
        for (Path dir = file.getParent(); !dir.equals(root.resolve("studies")); dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            } catch (java.nio.file.DirectoryNotEmptyException stillUsed) {
                break;
            }
        }
    }

    /** Walks {@code studies/<study>/<series>/<instance>.dcm}, skipping series folders unchanged since {@code since}. */
    @Override
    public void list(java.time.Instant since, java.util.function.Consumer<StoredKey> each) throws IOException {
        Path studies = root.resolve("studies");
        if (!Files.isDirectory(studies)) {
            return;
        }
        try (var studyDirs = Files.newDirectoryStream(studies)) {
            for (Path study : studyDirs) {
                if (!Files.isDirectory(study)) {
                    continue;
                }
                try (var seriesDirs = Files.newDirectoryStream(study)) {
                    for (Path series : seriesDirs) {
                        if (Files.isDirectory(series)
                                && (since == null
                                        || !Files.getLastModifiedTime(series)
                                                .toInstant()
                                                .isBefore(since))) {
                            listSeries(series, each);
                        }
                    }
                }
            }
        }
    }

    private void listSeries(Path series, java.util.function.Consumer<StoredKey> each) throws IOException {
        try (var files = Files.newDirectoryStream(series, "*.dcm")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String sop = name.substring(0, name.length() - ".dcm".length());
                try {
                    each.accept(new StoredKey(
                            root.relativize(file).toString(),
                            sop,
                            Files.getLastModifiedTime(file).toInstant()));
                } catch (java.nio.file.NoSuchFileException gone) {
                    // removed meanwhile
                }
            }
        }
    }
}
