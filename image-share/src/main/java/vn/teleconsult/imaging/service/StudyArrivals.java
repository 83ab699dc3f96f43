package vn.teleconsult.imaging.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.api.InstanceStored;
import vn.teleconsult.imaging.repository.ReviewSessionRepository;

/**
 * Tells review sessions on every replica that instances of their studies arrived. The first instance of a study is
 * announced at once; further ones at most once per {@code imaging.review.arrival-interval} per study, so a 300-slice
 * ingest sends a few notices a second, not 300. Work happens on one thread of its own, off the storing thread.
 */
@ApplicationScoped
public class StudyArrivals {

    private final AgroalDataSource dataSource;
    private final long intervalNanos;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "imaging-review-arrivals"));
    // touched on the worker thread only
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Set<String> pending = new HashSet<>();

    public StudyArrivals(AgroalDataSource dataSource, ImagingSettings settings) {
        this.dataSource = dataSource;
        this.intervalNanos = settings.review().arrivalInterval().toNanos();
    }

    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) InstanceStored instance) {
        worker.execute(() -> arrived(instance.studyUid()));
    }

    private void arrived(String studyUid) {
        long now = System.nanoTime();
        Long last = lastSent.get(studyUid);
        if (last == null || now - last >= intervalNanos) {
            send(studyUid, now);
        } else if (pending.add(studyUid)) {
            worker.schedule(
                    () -> {
                        pending.remove(studyUid);
                        send(studyUid, System.nanoTime());
                    },
                    intervalNanos - (now - last),
                    TimeUnit.NANOSECONDS);
        }
    }

    private void send(String studyUid, long now) {
        lastSent.put(studyUid, now);
        if (lastSent.size() > 10_000) {
            lastSent.values().removeIf(t -> now - t > intervalNanos);
        }
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select pg_notify(?, ?) from imaging.review_study rs"
                        + " join imaging.review_session s on s.id = rs.session_id"
                        + " where rs.study_uid = ? and s.state = 'OPEN' limit 1")) {
            statement.setString(1, ReviewSessionRepository.CHANNEL);
            statement.setString(2, "{\"change\":\"arrived\",\"study\":\"" + studyUid + "\"}");
            statement.setString(3, studyUid);
            statement.executeQuery().close();
        } catch (SQLException e) {
            Log.warnf("Could not announce arrivals of a study to review sessions (%s)", e.getSQLState());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
