package vn.teleconsult.imaging.storage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.dicom.DicomUids;

/** Keeps instances as files under {@code <root>/studies/<study>/<series>/<instance>.dcm}, temporary files in tmp/. */
@ApplicationScoped
public class FileSystemStorage implements InstanceStorage {

    private final Path root;
    private final Path temp;
    private final Path studies;
    // series folders whose entry in their study folder (and the study folder's in the root) we have flushed
    private final Set<Path> flushedFolders = ConcurrentHashMap.newKeySet();
    private static final int MAX_FLUSHED_FOLDERS = 100_000;
    private final boolean fsync;
    // fsync calls wait on the disk, not the CPU: enough threads for a batch's flushes to overlap
    private final ExecutorService flushers = Executors.newFixedThreadPool(32, r -> {
        var thread = new Thread(r, "imaging-fsync");
        thread.setDaemon(true);
        return thread;
    });

    public FileSystemStorage(ImagingSettings settings, @ConfigProperty(name = "teleconsult.home") String home)
            throws IOException {
        this.root = Path.of(settings.storage().root().orElse(home + "/dicom"))
                .toAbsolutePath()
                .normalize();
        this.temp = root.resolve("tmp");
        this.studies = root.resolve("studies");
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
    public String key(String studyUid, String seriesUid, String sopInstanceUid) {
        for (String uid : new String[] {studyUid, seriesUid, sopInstanceUid}) {
            if (!DicomUids.isValid(uid)) {
                throw new IllegalArgumentException("refusing a storage key from an invalid UID");
            }
        }
        return "studies/" + studyUid + "/" + seriesUid + "/" + sopInstanceUid + ".dcm";
    }

    /**
     * Moves the files into place, then flushes them and the folders whose entries changed, all in parallel (concurrent
     * flushes share the file system's journal commits, so a batch costs about one disk flush, not one per file). Only
     * the caller's index commit, after this returns, makes an instance stored: a crash before it leaves at most a file
     * without a row, which the orphan sweep removes, so data and name need not reach the disk in any order.
     */
    @Override
    public void commit(List<Incoming> incoming) throws IOException {
        var targets = new ArrayList<Path>(incoming.size());
        for (Incoming in : incoming) {
            targets.add(file(in.key()));
        }
        var toFlush = new LinkedHashSet<Path>();
        for (int i = 0; i < incoming.size(); i++) {
            Path target = targets.get(i);
            Path series = target.getParent();
            if (!flushedFolders.contains(series)) {
                // a series folder we have not flushed into its study folder (new, or made by another writer who may
                // not have flushed it yet): flush the study folder and the root too, then it counts as flushed
                Files.createDirectories(series);
                toFlush.add(series.getParent());
                toFlush.add(studies);
            }
            try {
                move(incoming.get(i).temp(), target);
            } catch (NoSuchFileException folderGone) {
                // the folder was removed meanwhile (emptied by a deletion here or on another replica): make it again
                flushedFolders.remove(series);
                Files.createDirectories(series);
                toFlush.add(series.getParent());
                toFlush.add(studies);
                move(incoming.get(i).temp(), target);
            }
            toFlush.add(target);
            toFlush.add(series);
        }
        if (fsync) {
            force(List.copyOf(toFlush));
        }
        for (Path target : targets) {
            if (flushedFolders.size() > MAX_FLUSHED_FOLDERS) {
                flushedFolders.clear(); // only costs a few extra folder flushes
            }
            flushedFolders.add(target.getParent());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** fsync of each file or folder, in parallel: concurrent flushes share the file system's journal commits. */
    private void force(List<Path> paths) throws IOException {
        if (paths.size() == 1) {
            force(paths.get(0));
            return;
        }
        var pending = new ArrayList<Future<?>>(paths.size());
        for (Path path : paths) {
            pending.add(flushers.submit(() -> {
                force(path);
                return null;
            }));
        }
        IOException failure = null;
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while flushing stored files");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void force(Path path) throws IOException {
        // a folder opens for reading only; a file for writing (some systems refuse to flush read-only handles)
        var option = Files.isDirectory(path) ? StandardOpenOption.READ : StandardOpenOption.WRITE;
        try (var channel = FileChannel.open(path, option)) {
            channel.force(true);
        }
    }

    @PreDestroy
    void stop() {
        flushers.shutdown();
    }

    @Override
    public Path file(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(studies)) {
            throw new IllegalArgumentException("storage key outside the storage root");
        }
        return path;
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = file(key);
        Files.deleteIfExists(file);
        // drop the series and study folders when they became empty (another writer may fill them again meanwhile)
        for (Path dir = file.getParent(); !dir.equals(studies); dir = dir.getParent()) {
            try {
                flushedFolders.remove(dir);
                Files.deleteIfExists(dir);
            } catch (java.nio.file.DirectoryNotEmptyException stillUsed) {
                break;
            }
        }
    }

    /** Walks {@code studies/<study>/<series>/<instance>.dcm}, skipping series folders unchanged since {@code since}. */
    @Override
    public void list(java.time.Instant since, java.util.function.Consumer<StoredKey> each) throws IOException {
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
