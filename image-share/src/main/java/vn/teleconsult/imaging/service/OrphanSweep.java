package vn.teleconsult.imaging.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.repository.StudyIndex;
import vn.teleconsult.imaging.storage.InstanceStorage;
import vn.teleconsult.imaging.storage.InstanceStorage.StoredKey;

/**
 * Removes stored files that no index row refers to: what a crash (or a failed commit) between moving a received file
 * into place and committing its index row leaves behind. Only files older than {@code imaging.storage.orphan-age} go,
 * so instances being stored right now on any replica are never touched. A full sweep runs in the background after
 * start-up (a crash is followed by a start), then every {@code imaging.storage.orphan-sweep-interval} a sweep of the
 * series folders written to since shortly before the previous one.
 */
@ApplicationScoped
public class OrphanSweep {

    private static final int BATCH = 500;

    private final InstanceStorage storage;
    private final StudyIndex index;
    private final Duration age;
    private volatile Instant lastSweep;

    public OrphanSweep(InstanceStorage storage, StudyIndex index, ImagingSettings settings) {
        this.storage = storage;
        this.index = index;
        this.age = settings.storage().orphanAge();
    }

    void atStart(@Observes StartupEvent start) {
        var thread = new Thread(() -> sweepSafely(null), "imaging-orphan-sweep");
        thread.setDaemon(true);
        thread.start();
    }

    @Scheduled(
            every = "${imaging.storage.orphan-sweep-interval:1h}",
            delayed = "${imaging.storage.orphan-sweep-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Instant previous = lastSweep;
        sweepSafely(previous == null ? null : previous.minus(age).minus(Duration.ofMinutes(5)));
    }

    private void sweepSafely(Instant since) {
        try {
            int removed = sweep(since, age);
            if (removed > 0) {
                Log.infof("Removed %d stored files that no index row refers to", removed);
            }
        } catch (IOException | RuntimeException e) {
            Log.warnf(e, "Sweeping unindexed files failed; the next sweep tries again");
        }
    }

    /**
     * Removes files without an index row that are older than {@code minAge}, looking only at series folders written
     * to since {@code since} (null: everywhere); answers how many were removed.
     */
    public int sweep(Instant since, Duration minAge) throws IOException {
        Instant started = Instant.now();
        Instant cutoff = started.minus(minAge);
        var batch = new ArrayList<StoredKey>();
        int[] removed = {0};
        storage.list(since, key -> {
            if (key.modified().isBefore(cutoff)) {
                batch.add(key);
                if (batch.size() == BATCH) {
                    removed[0] += removeUnindexed(batch);
                    batch.clear();
                }
            }
        });
        removed[0] += removeUnindexed(batch);
        lastSweep = started;
        return removed[0];
    }

    private int removeUnindexed(List<StoredKey> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<String> uids = batch.stream().map(StoredKey::sopInstanceUid).toList();
        Set<String> indexed = QuarkusTransaction.requiringNew().call(() -> index.indexedKeys(uids));
        int removed = 0;
        for (StoredKey key : batch) {
            if (!indexed.contains(key.key())) {
                try {
                    storage.delete(key.key());
                    removed++;
                    Log.debugf("Removed unindexed file %s", key.key());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return removed;
    }
}
