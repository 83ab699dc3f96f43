package vn.teleconsult.imaging.repository;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import vn.teleconsult.imaging.service.ReviewChanged;
import vn.teleconsult.platform.notify.PgChannels;

/**
 * Listens on {@value ReviewSessionRepository#CHANNEL} (through the platform's {@link PgChannels}) and hands each
 * notification, in order, to the observers of {@link ReviewChanged} on one dispatch thread. After a lost connection
 * it asks observers to resynchronise. See docs/decisions/0023.
 */
@ApplicationScoped
public class ReviewChangeListener {

    private final PgChannels channels;
    private final Event<ReviewChanged> changes;
    private AutoCloseable subscription;
    private ExecutorService dispatch;

    public ReviewChangeListener(PgChannels channels, Event<ReviewChanged> changes) {
        this.channels = channels;
        this.changes = changes;
    }

    void start(@Observes StartupEvent start) {
        dispatch = Executors.newSingleThreadExecutor(r -> new Thread(r, "imaging-review-dispatch"));
        subscription = channels.listen(
                ReviewSessionRepository.CHANNEL,
                payload -> hand(new ReviewChanged(payload, false)),
                () -> hand(new ReviewChanged(null, true)));
    }

    void stop(@Observes ShutdownEvent stop) throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        if (dispatch != null) {
            dispatch.shutdown();
            dispatch.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    private void hand(ReviewChanged change) {
        dispatch.execute(() -> {
            try {
                changes.fire(change);
            } catch (RuntimeException e) {
                Log.errorf(e, "Review change could not be delivered");
            }
        });
    }
}
