package vn.teleconsult.platform.notify;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Messages between replicas through PostgreSQL {@code LISTEN}/{@code NOTIFY}: {@link #send} joins the caller's
 * transaction (listeners get the message on commit, never on rollback); {@link #listen} keeps a dedicated connection
 * outside the pool and calls the handler for every message, in order, on its own thread, reconnecting after failures
 * with a growing pause. Messages sent while it is disconnected are lost: use them as hints, and resynchronise in the
 * {@code onReconnect} callback.
 */
@ApplicationScoped
public class PgChannels {

    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long FIRST_RETRY_MS = 100;
    private static final long LAST_RETRY_MS = 5000;
    /**
     * How often a listening connection proves it is alive with a round trip, and how long it waits for any answer: a
     * connection cut without a word (a firewall's idle timeout) is noticed within twice this, not hours later.
     */
    private static final Duration CHECK = Duration.ofSeconds(10);

    private final AgroalDataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final Duration check;

    @Inject
    public PgChannels(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this(dataSource, url, user, password, CHECK);
    }

    /** With another interval between liveness checks of a listening connection (whole seconds, at least one). */
    PgChannels(AgroalDataSource dataSource, String url, String user, String password, Duration check) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
        this.check = check;
    }

    /** Sends a message (at most 7999 bytes) on the channel, as part of the current transaction if there is one. */
    public void send(String channel, String payload) {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, checked(channel));
            statement.setString(2, payload);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("NOTIFY " + channel + " failed", e);
        }
    }

    /** Listens on the channel on a thread of its own until the returned handle is closed. */
    public AutoCloseable listen(String channel, Consumer<String> handler) {
        return listen(channel, handler, () -> {});
    }

    /**
     * Like {@link #listen(String, Consumer)}; {@code onReconnect} runs each time listening resumes after a lost
     * connection, so that the caller can catch up with what it may have missed meanwhile.
     */
    public AutoCloseable listen(String channel, Consumer<String> handler, Runnable onReconnect) {
        Listener listener = new Listener(checked(channel), handler, onReconnect, new Watcher() {});
        listener.thread.start();
        return listener;
    }

    /**
     * Like {@link #listen(String, Consumer)}, telling the watcher each time listening starts or resumes and each time
     * the connection is lost, for callers that must know whether they can be missing messages right now.
     */
    public AutoCloseable listen(String channel, Consumer<String> handler, Watcher watcher) {
        Listener listener = new Listener(checked(channel), handler, () -> {}, watcher);
        listener.thread.start();
        return listener;
    }

    /**
     * What a listener is told about its connection, on the listener's thread. Between {@link #listening()} and the
     * next {@link #lost()} no committed message is missed; before the first {@link #listening()} and after a
     * {@link #lost()} messages may be missed (a dropped connection is noticed within a poll, about half a second).
     */
    public interface Watcher {

        /** LISTEN has just been issued on a new connection (the first one, or one that replaces a lost one). */
        default void listening() {}

        /** The listening connection has failed; messages are missed until the next {@link #listening()}. */
        default void lost() {}
    }

    private static String checked(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Channel names are lower-case identifiers: " + channel);
        }
        return channel;
    }

    /** The listening connection's settings: every read (liveness checks included) waits at most {@link #check}. */
    private Properties properties() {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("socketTimeout", Long.toString(Math.max(1, check.toSeconds())));
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, check.toSeconds())));
        return properties;
    }

    /** One dedicated connection that LISTENs and polls for notifications. */
    private final class Listener implements AutoCloseable {
        final String channel;
        final Consumer<String> handler;
        final Runnable onReconnect;
        final Watcher watcher;
        final Thread thread;
        volatile boolean closed;

        Listener(String channel, Consumer<String> handler, Runnable onReconnect, Watcher watcher) {
            this.channel = channel;
            this.handler = handler;
            this.onReconnect = onReconnect;
            this.watcher = watcher;
            this.thread = new Thread(this::run, "listen-" + channel);
            thread.setDaemon(true);
        }

        void run() {
            boolean first = true;
            long retry = FIRST_RETRY_MS;
            while (!closed) {
                boolean listening = false;
                try (Connection c = DriverManager.getConnection(url, properties())) {
                    try (var statement = c.createStatement()) {
                        statement.execute("LISTEN " + channel);
                    }
                    listening = true;
                    call(watcher::listening);
                    if (!first) {
                        Log.infof("LISTEN %s: listening again", channel);
                        call(onReconnect::run);
                    }
                    first = false;
                    retry = FIRST_RETRY_MS;
                    PGConnection pg = c.unwrap(PGConnection.class);
                    long nextCheck = System.nanoTime() + check.toNanos();
                    while (!closed) {
                        PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                        for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                            call(() -> handler.accept(n.getParameter()));
                        }
                        if (System.nanoTime() - nextCheck >= 0) {
                            // a round trip (LISTEN again changes nothing, and keeps the backend's query as it was); no
                            // answer within the socket timeout fails here, as a lost connection
                            try (var statement = c.createStatement()) {
                                statement.execute("LISTEN " + channel);
                            }
                            nextCheck = System.nanoTime() + check.toNanos();
                        }
                    }
                } catch (SQLException e) {
                    if (!closed) {
                        if (listening) {
                            call(watcher::lost);
                        }
                        first = false;
                        Log.warnf("LISTEN %s: %s; reconnecting in %d ms", channel, e.getSQLState(), retry);
                        pause(retry);
                        retry = Math.min(retry * 2, LAST_RETRY_MS);
                    }
                }
            }
        }

        private void call(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                Log.warnf("LISTEN %s: handler failed: %s", channel, e.toString());
            }
        }

        /** The pause between reconnect attempts to a database that is down (a back-off, not a wait for a condition). */
        private void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
            try {
                thread.join(POLL.toMillis() * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
