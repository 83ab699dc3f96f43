package vn.teleconsult.platform.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PgChannelsTest {

    @Inject
    PgChannels channels;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void shouldDeliverCommittedMessagesOnlyAndResumeAfterALostConnection() throws Exception {
        String channel = "pg_channels_test_" + System.nanoTime();
        List<String> heard = new CopyOnWriteArrayList<>();
        var reconnects = new AtomicInteger();
        try (var listening = channels.listen(channel, heard::add, reconnects::incrementAndGet)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> backends(channel) == 1);
            QuarkusTransaction.requiringNew().run(() -> channels.send(channel, "committed"));
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> {
                        channels.send(channel, "rolled back");
                        throw new IllegalStateException("roll back");
                    }));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("committed"));

            terminate(channel);
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> reconnects.get() == 1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> backends(channel) == 1);
            QuarkusTransaction.requiringNew().run(() -> channels.send(channel, "after reconnect"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("after reconnect"));
        }
        assertEquals(List.of("committed", "after reconnect"), heard);
        assertEquals(1, reconnects.get(), "one reconnect");
    }

    @Test
    void shouldTellTheWatcherWhenListeningStartsIsLostAndResumes() throws Exception {
        String channel = "pg_channels_watch_" + System.nanoTime();
        List<String> heard = new CopyOnWriteArrayList<>();
        var watcher = new Recording();
        List<String> events = watcher.events;
        try (var listening = channels.listen(channel, heard::add, watcher)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.equals(List.of("listening")));
            assertEquals(1, backends(channel), "listening is told only once LISTEN has been issued");
            QuarkusTransaction.requiringNew().run(() -> channels.send(channel, "first"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("first"));

            terminate(channel);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> events.equals(List.of("listening", "lost", "listening")));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> backends(channel) == 1);
            QuarkusTransaction.requiringNew().run(() -> channels.send(channel, "second"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("second"));
        }
        assertEquals(List.of("first", "second"), heard);
        assertEquals(List.of("listening", "lost", "listening"), events, "closing is not a lost connection");
    }

    @Test
    void shouldNoticeAConnectionThatGoesSilentAndListenAgainOnceItAnswers() throws Exception {
        String channel = "pg_channels_silent_" + System.nanoTime();
        List<String> heard = new CopyOnWriteArrayList<>();
        var watcher = new Recording();
        List<String> events = watcher.events;
        Matcher database = Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
        assertTrue(database.find(), url);
        try (var proxy = new SilentProxy(database.group(1), Integer.parseInt(database.group(2)))) {
            // a listener whose connection goes through a proxy that can drop every byte without closing anything,
            // as a firewall that forgets an idle connection does; it checks the connection every 500 ms
            var throughProxy = new PgChannels(
                    dataSource,
                    database.replaceFirst("//127.0.0.1:" + proxy.port() + "/"),
                    user,
                    password,
                    Duration.ofMillis(500));
            try (var listening = throughProxy.listen(channel, heard::add, watcher)) {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.equals(List.of("listening")));
                proxy.silent = true;
                Awaitility.await()
                        .atMost(Duration.ofSeconds(15))
                        .until(() -> events.equals(List.of("listening", "lost")));
                proxy.silent = false;
                Awaitility.await()
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> events.equals(List.of("listening", "lost", "listening")));
                QuarkusTransaction.requiringNew().run(() -> channels.send(channel, "back"));
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("back"));
            }
        }
    }

    /** A watcher that writes down what it is told, in order. */
    private static final class Recording implements PgChannels.Watcher {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void listening() {
            events.add("listening");
        }

        @Override
        public void lost() {
            events.add("lost");
        }
    }

    /** Forwards TCP connections to the database; while {@code silent}, it drops every byte both ways. */
    private static final class SilentProxy implements AutoCloseable {
        volatile boolean silent;
        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        SilentProxy(String host, int port) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket database = new Socket(host, port);
                        sockets.add(client);
                        sockets.add(database);
                        pump(client, database);
                        pump(database, client);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        private static void daemon(Runnable work) {
            var thread = new Thread(work, "silent-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        private void pump(Socket from, Socket to) {
            daemon(() -> {
                var buffer = new byte[8192];
                try (from;
                        to) {
                    int n;
                    while ((n = from.getInputStream().read(buffer)) >= 0) {
                        if (!silent) {
                            to.getOutputStream().write(buffer, 0, n);
                        }
                    }
                } catch (IOException closed) {
                    // one side went away: both are closed
                }
            });
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void shouldRefuseChannelNamesThatAreNotPlainIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> channels.send("x; drop table y", "p"));
        assertThrows(IllegalArgumentException.class, () -> channels.listen("Upper", p -> {}));
    }

    private void terminate(String channel) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity where query = ?")) {
            s.setString(1, "LISTEN " + channel);
            s.execute();
        }
    }

    private int backends(String channel) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select count(*) from pg_stat_activity where query = ?")) {
            s.setString(1, "LISTEN " + channel);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
