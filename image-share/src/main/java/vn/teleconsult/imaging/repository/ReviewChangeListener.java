package vn.teleconsult.imaging.repository;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import vn.teleconsult.imaging.service.ReviewChanged;

/**
 * Listens on {@value ReviewSessionRepository#CHANNEL} over one dedicated JDBC connection (outside the pool) and hands
 * each notification, in order, to the observers of {@link ReviewChanged} on one dispatch thread. After a lost
 * connection it reconnects and asks observers to resynchronise. See docs/decisions/0023.
 */
@ApplicationScoped
public class ReviewChangeListener {

    private final String url;
    private final String user;
    private final String password;
    private final Event<ReviewChanged> changes;
    private volatile boolean running;
    private Thread thread;
    private ExecutorService dispatch;

    public ReviewChangeListener(
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password,
            Event<ReviewChanged> changes) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.changes = changes;
    }

    void start(@Observes StartupEvent start) {
        running = true;
        dispatch = Executors.newSingleThreadExecutor(r -> new Thread(r, "imaging-review-dispatch"));
        thread = new Thread(this::listen, "imaging-review-listen");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
        }
        if (dispatch != null) {
            dispatch.shutdown();
            dispatch.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    private void listen() {
        boolean first = true;
        long backoff = 100;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ReviewSessionRepository.CHANNEL);
                }
                if (!first) {
                    Log.infof("Review notifications: listening again");
                    hand(new ReviewChanged(null, true));
                }
                first = false;
                backoff = 100;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    if (notes != null) {
                        for (PGNotification note : notes) {
                            hand(new ReviewChanged(note.getParameter(), false));
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                first = false;
                Log.warnf("Review notifications: connection lost (%s); reconnecting", e.getSQLState());
                try {
                    Thread.sleep(backoff); // back off between reconnect attempts, not a wait for a condition
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 5000);
            }
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
