package vn.teleconsult.platform.notify;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps an in-memory copy of a table, reloaded on every notice on a {@link PgChannels} channel, and hands it out only
 * while it is known to be current, so that its owner reads the table instead whenever {@link #trusted()} is null.
 *
 * <p>The copy is trusted only while the listening connection is up and a load has completed since LISTEN was issued
 * on it and since the last change made through this replica (so a change committed between a load and LISTEN, while
 * the connection was down, or just now on this replica, cannot be missed). See decisions 0017 and 0019.
 */
public final class NotifiedCopy<T> {

    private final String name;
    private final PgChannels channels;
    private final String channel;
    private final Supplier<T> load;
    private final Consumer<T> loaded;

    /** Bumped by everything that makes a load in progress possibly out of date: lost connection, local change. */
    private final AtomicLong epoch = new AtomicLong();

    /** Changes of this replica to the table that have not ended yet: no copy is trusted meanwhile. */
    private final AtomicInteger changesUnderWay = new AtomicInteger();

    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private volatile boolean listening;
    /** The current copy, or null while it is not known to be current. */
    private volatile T trusted;

    private volatile ScheduledExecutorService loader;
    private AutoCloseable subscription;
    private final List<Runnable> periodic = new ArrayList<>();

    /**
     * @param name what the copy is, for logs and the loader thread's name ("Hub links")
     * @param load reads the whole table; throws a RuntimeException when it cannot
     * @param loaded runs on the loader thread after every successful load, trusted or not (it may act on the copy)
     */
    public NotifiedCopy(String name, PgChannels channels, String channel, Supplier<T> load, Consumer<T> loaded) {
        this.name = name;
        this.channels = channels;
        this.channel = channel;
        this.load = load;
        this.loaded = loaded;
    }

    public NotifiedCopy(String name, PgChannels channels, String channel, Supplier<T> load) {
        this(name, channels, channel, load, copy -> {});
    }

    /** Starts listening (and so loading); until the first load completes, {@link #trusted()} is null. */
    public synchronized void start() {
        if (subscription != null) {
            return;
        }
        String threadName = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-load";
        loader = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        periodic.forEach(Runnable::run);
        subscription = channels.listen(channel, payload -> reloadSoon(), new PgChannels.Watcher() {
            @Override
            public void listening() {
                listenerConnected();
            }

            @Override
            public void lost() {
                connectionLost();
            }
        });
    }

    /**
     * Runs the task on the loader thread (so never during a load) every period, from {@link #start()} (or now, if
     * started) until {@link #stop()}.
     */
    public synchronized void every(Duration period, Runnable task) {
        periodic.add(
                () -> loader.scheduleWithFixedDelay(task, period.toSeconds(), period.toSeconds(), TimeUnit.SECONDS));
        if (subscription != null) {
            periodic.get(periodic.size() - 1).run();
        }
    }

    public synchronized void stop() {
        if (subscription == null) {
            return;
        }
        connectionLost();
        try {
            subscription.close();
        } catch (Exception e) {
            Log.warnf("%s: listener did not close cleanly: %s", name, e.toString());
        }
        loader.shutdownNow();
        try {
            loader.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connectionLost(); // again: a load may have finished while the listener was closing
        subscription = null;
    }

    /** The current copy, or null while it may be out of date: then the caller reads the table. */
    public T trusted() {
        return trusted;
    }

    /**
     * A change of the table through this replica is under way: distrust the copy (so the changing transaction reads
     * its own write from the table) until a load started after {@link #changeEnded()} completes. Call each exactly
     * once per change.
     */
    public void changeBegun() {
        changesUnderWay.incrementAndGet();
        distrust();
    }

    /**
     * The change has committed (or rolled back): reload at once, so this replica's caller reads its own write without
     * waiting for the notice.
     */
    public void changeEnded() {
        changesUnderWay.decrementAndGet();
        distrust();
        reloadSoon();
    }

    /** LISTEN has been issued: a load that starts now cannot miss a later change. */
    public void listenerConnected() {
        epoch.incrementAndGet();
        listening = true;
        reloadSoon();
    }

    /** Changes may be missed from now on: read the table until listening resumes and a load completes. */
    public void connectionLost() {
        listening = false;
        distrust();
    }

    private void distrust() {
        epoch.incrementAndGet();
        trusted = null;
    }

    private void reloadSoon() {
        var executor = loader;
        if (executor != null && reloadQueued.compareAndSet(false, true)) {
            try {
                executor.execute(this::reload);
            } catch (RuntimeException e) { // shut down
                reloadQueued.set(false);
            }
        }
    }

    /** Runs on the single loader thread, so loads never overlap and a later load always reads a later state. */
    private void reload() {
        reloadQueued.set(false);
        long started = epoch.get();
        if (!listening || changesUnderWay.get() > 0) {
            return;
        }
        T copy;
        try {
            copy = load.get();
        } catch (RuntimeException e) {
            Log.warnf("%s could not be loaded; reading the table until the next change: %s", name, e.toString());
            trusted = null;
            return;
        }
        trusted = copy;
        // Written before checking, so that a change or loss racing with this load always ends with null.
        if (!listening || changesUnderWay.get() > 0 || epoch.get() != started) {
            trusted = null;
        }
        loaded.accept(copy);
    }
}
