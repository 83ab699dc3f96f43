package vn.teleconsult.platform.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PgChannelsTest {

    @Inject
    PgChannels channels;

    @Inject
    DataSource dataSource;

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
        List<String> events = new CopyOnWriteArrayList<>();
        var watcher = new PgChannels.Watcher() {
            @Override
            public void listening() {
                events.add("listening");
            }

            @Override
            public void lost() {
                events.add("lost");
            }
        };
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
