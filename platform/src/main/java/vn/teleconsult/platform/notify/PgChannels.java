package vn.teleconsult.platform.notify;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Messages between replicas through PostgreSQL {@code LISTEN}/{@code NOTIFY}: {@link #send} joins the caller's
 * transaction (listeners get the message on commit, never on rollback); {@link #listen} keeps a dedicated connection
 * outside the pool and calls the handler for every message, reconnecting after failures (messages sent while it is
 * disconnected are lost, so use it for hints such as "reconnect", not for data).
 */
@ApplicationScoped
public class PgChannels {

    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration POLL = Duration.ofMillis(500);

    private final AgroalDataSource dataSource;
    private final String url;
    private final String user;
    private final String password;

    public PgChannels(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
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
        Listener listener = new Listener(checked(channel), handler);
        listener.thread.start();
        return listener;
    }

    private static String checked(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Channel names are lower-case identifiers: " + channel);
        }
        return channel;
    }

    /** One dedicated connection that LISTENs and polls for notifications. */
    private final class Listener implements AutoCloseable {
        final String channel;
        final Consumer<String> handler;
        final Thread thread;
        volatile boolean closed;

        Listener(String channel, Consumer<String> handler) {
            this.channel = channel;
            this.handler = handler;
            this.thread = new Thread(this::run, "listen-" + channel);
            thread.setDaemon(true);
        }

        void run() {
            while (!closed) {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    try (var statement = c.createStatement()) {
                        statement.execute("LISTEN " + channel);
                    }
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (!closed) {
                        PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                        for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                            deliver(n.getParameter());
                        }
                    }
                } catch (SQLException e) {
                    if (!closed) {
                        Log.warnf("LISTEN %s: %s; reconnecting", channel, e.getMessage());
                        pause();
                    }
                }
            }
        }

        private void deliver(String payload) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                Log.warnf("LISTEN %s: handler failed: %s", channel, e.toString());
            }
        }

        private void pause() {
            try {
                Thread.sleep(POLL.toMillis() * 2); // back off before reconnecting to a database that is down
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
