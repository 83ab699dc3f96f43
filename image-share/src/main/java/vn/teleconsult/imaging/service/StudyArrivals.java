package vn.teleconsult.imaging.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.api.InstanceStored;
import vn.teleconsult.imaging.repository.ReviewSessionRepository;

/**
 * Tells review sessions on every replica that instances of their studies arrived. The first instance of a study is
 * announced at once; further ones at most once per {@code imaging.review.arrival-interval} per study, so a 300-slice
 * ingest sends a few notices a second, not 300. Work happens on one thread of its own, off the storing thread, with one
 * statement for all studies that got instances since it last looked (a batch of one-instance studies is one query).
 */
@ApplicationScoped
public class StudyArrivals {

    private final AgroalDataSource dataSource;
    private final long intervalNanos;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "imaging-review-arrivals"));
    // studies with new instances not yet looked at by the worker; one drain task at a time is queued
    private final Set<String> arrived = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    // touched on the worker thread only
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Set<String> pending = new HashSet<>();

    public StudyArrivals(AgroalDataSource dataSource, ImagingSettings settings) {
        this.dataSource = dataSource;
        this.intervalNanos = settings.review().arrivalInterval().toNanos();
    }

    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) InstanceStored instance) {
        if (arrived.add(instance.studyUid()) && drainScheduled.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Announces every study that got instances since the last drain, or schedules it when announced too recently. */
    private void drain() {
        drainScheduled.set(false);
        long now = System.nanoTime();
        var due = new ArrayList<String>();
        for (var it = arrived.iterator(); it.hasNext(); ) {
            String studyUid = it.next();
            it.remove();
            Long last = lastSent.get(studyUid);
            if (last == null || now - last >= intervalNanos) {
                due.add(studyUid);
                lastSent.put(studyUid, now);
            } else if (pending.add(studyUid)) {
                worker.schedule(
                        () -> {
                            pending.remove(studyUid);
                            lastSent.put(studyUid, System.nanoTime());
                            send(List.of(studyUid));
                        },
                        intervalNanos - (now - last),
                        TimeUnit.NANOSECONDS);
            }
        }
        if (lastSent.size() > 10_000) {
            lastSent.values().removeIf(t -> now - t > intervalNanos);
        }
        if (!due.isEmpty()) {
            send(due);
        }
    }

    /** One statement for all the studies: a notice for each of them that is in an open review session. */
    private void send(List<String> studyUids) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select pg_notify(?, '{\"change\":\"arrived\",\"study\":\"'"
                        + " || study_uid || '\"}') from (select distinct rs.study_uid from imaging.review_study rs"
                        + " join imaging.review_session s on s.id = rs.session_id"
                        + " where rs.study_uid = any(?) and s.state = 'OPEN') open_studies")) {
            statement.setString(1, ReviewSessionRepository.CHANNEL);
            statement.setArray(2, connection.createArrayOf("text", studyUids.toArray()));
            statement.executeQuery().close();
        } catch (SQLException e) {
            Log.warnf("Could not announce arrivals of studies to review sessions (%s)", e.getSQLState());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
