package vn.teleconsult.platform.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plain tests of when a copy is trusted; the test drives the listener's state, as no notice ever arrives. */
class NotifiedCopyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** Its listener cannot connect, so only the test says when listening starts or is lost. */
    private final PgChannels unreachable = new PgChannels(null, "jdbc:postgresql://127.0.0.1:9/none", "none", "none");

    /** What each load returns, in turn; a load waits for the next value. */
    private final BlockingQueue<Supplier<String>> loads = new ArrayBlockingQueue<>(10);
    /** What {@link NotifiedCopy#trusted()} was right after each load of a value, trusted or not. */
    private final Map<String, AtomicReference<String>> trustedAfter = new ConcurrentHashMap<>();

    private NotifiedCopy<String> copy;

    @AfterEach
    void stop() {
        if (copy != null) {
            copy.stop();
        }
    }

    private NotifiedCopy<String> started() {
        copy = new NotifiedCopy<>(
                "Test copy",
                unreachable,
                "test_copy",
                () -> {
                    try {
                        return loads.take().get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                },
                value -> trustedAfter.put(value, new AtomicReference<>(copy.trusted())));
        copy.start();
        return copy;
    }

    private void awaitLoaded(String value) {
        Awaitility.await().atMost(DEADLINE).until(() -> trustedAfter.containsKey(value));
    }

    @Test
    void shouldBeStaleUntilListeningAndAFirstLoad() {
        var copy = started();
        assertNull(copy.trusted(), "not listening yet");
        loads.add(() -> "first");
        copy.listenerConnected();
        Awaitility.await().atMost(DEADLINE).until(() -> "first".equals(copy.trusted()));

        copy.connectionLost();
        assertNull(copy.trusted(), "connection lost: stale at once");
    }

    @Test
    void shouldNotTrustAnyCopyWhileAChangeOfThisReplicaIsUnderWay() throws Exception {
        var copy = started();
        var release = loadingUntilReleased("before the change");
        copy.changeBegun();
        release.countDown();
        awaitLoaded("before the change");
        assertNull(trustedAfter.get("before the change").get(), "a load that overlapped the change is not trusted");
        assertNull(copy.trusted());

        loads.add(() -> "after the change");
        copy.changeEnded();
        Awaitility.await().atMost(DEADLINE).until(() -> "after the change".equals(copy.trusted()));
    }

    @Test
    void shouldNotTrustALoadThatStartedBeforeTheListenerReconnected() throws Exception {
        var copy = started();
        var release = loadingUntilReleased("old");
        loads.add(() -> "new");
        copy.listenerConnected(); // a new LISTEN while loading: changes before it may be missing from "old"
        release.countDown();
        awaitLoaded("old");
        assertNull(trustedAfter.get("old").get(), "started before the latest LISTEN: not trusted");
        Awaitility.await().atMost(DEADLINE).until(() -> "new".equals(copy.trusted()));
    }

    @Test
    void shouldStayStaleAfterAFailedLoadUntilTheNextReload() {
        var copy = started();
        loads.add(() -> "first");
        copy.listenerConnected();
        Awaitility.await().atMost(DEADLINE).until(() -> "first".equals(copy.trusted()));

        loads.add(() -> {
            throw new IllegalStateException("table unreadable");
        });
        copy.listenerConnected();
        Awaitility.await().atMost(DEADLINE).until(() -> copy.trusted() == null);

        loads.add(() -> "recovered");
        copy.listenerConnected();
        Awaitility.await().atMost(DEADLINE).until(() -> "recovered".equals(copy.trusted()));
    }

    /** Starts listening and returns once a load of the value is under way; it completes when the latch is released. */
    private CountDownLatch loadingUntilReleased(String value) throws InterruptedException {
        var loading = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        loads.add(() -> {
            loading.countDown();
            await(release);
            return value;
        });
        copy.listenerConnected();
        assertEquals(true, loading.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        return release;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
