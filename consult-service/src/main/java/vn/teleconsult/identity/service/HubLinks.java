package vn.teleconsult.identity.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.platform.notify.PgChannels;

/**
 * Answers whether a satellite is linked to a hub from an in-memory copy of {@code identity.hub_link}, reloaded on each
 * change announced on channel {@value #CHANNEL}, and reads the database instead whenever that copy may be out of date.
 *
 * <p>The copy is trusted only while the listening connection is up and a load has completed since LISTEN was issued
 * on it and since the last change made through this replica (so a change committed between a load and LISTEN, while
 * the connection was down, or just now on this replica, cannot be missed). See decision 0017.
 */
@ApplicationScoped
public class HubLinks {

    static final String CHANNEL = "identity_hub_link";

    private final AgroalDataSource dataSource;
    private final PgChannels channels;
    private final HospitalRepository hospitals;

    /** Bumped by everything that makes a load in progress possibly out of date: lost connection, local change. */
    private final AtomicLong epoch = new AtomicLong();

    /** Transactions of this replica that change links and have not ended yet: no copy is trusted meanwhile. */
    private final AtomicInteger changesUnderWay = new AtomicInteger();

    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private volatile boolean listening;
    /** The current copy, or null while it is not known to be current. */
    private volatile Set<Link> trusted;

    private volatile ExecutorService loader;
    private AutoCloseable subscription;

    public HubLinks(AgroalDataSource dataSource, PgChannels channels, HospitalRepository hospitals) {
        this.dataSource = dataSource;
        this.channels = channels;
        this.hospitals = hospitals;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Starts listening (and so loading); until the first load completes, {@link #linked} reads the database. */
    synchronized void start() {
        if (subscription != null) {
            return;
        }
        loader = Executors.newSingleThreadExecutor(r -> {
            var thread = new Thread(r, "hub-links-load");
            thread.setDaemon(true);
            return thread;
        });
        subscription = channels.listen(CHANNEL, payload -> reloadSoon(), new PgChannels.Watcher() {
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

    @PreDestroy
    synchronized void stop() {
        if (subscription == null) {
            return;
        }
        connectionLost();
        try {
            subscription.close();
        } catch (Exception e) {
            Log.warnf("Hub links: listener did not close cleanly: %s", e.toString());
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

    /** Whether the satellite is linked to the hub, from memory while the copy is trusted, else from the database. */
    public boolean linked(UUID satelliteId, UUID hubId) {
        Set<Link> links = trusted;
        return links != null ? links.contains(new Link(satelliteId, hubId)) : hospitals.linked(satelliteId, hubId);
    }

    /** Whether answers come from memory now. */
    boolean trusted() {
        return trusted != null;
    }

    /**
     * A link or unlink through this replica is under way: read the database (which, inside that transaction, shows the
     * change) until a load started after the transaction ends completes.
     */
    void changing(@Observes(during = TransactionPhase.IN_PROGRESS) HubLinkChanged change) {
        changesUnderWay.incrementAndGet();
        distrust();
    }

    /** Once it has committed (or rolled back), so the caller reads its own write without waiting for the notice. */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) HubLinkChanged change) {
        changesUnderWay.decrementAndGet();
        distrust();
        reloadSoon();
    }

    /** LISTEN has been issued: a load that starts now cannot miss a later change. */
    void listenerConnected() {
        epoch.incrementAndGet();
        listening = true;
        reloadSoon();
    }

    /** Changes may be missed from now on: read the database until listening resumes and a load completes. */
    void connectionLost() {
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
        Set<Link> links;
        try {
            links = load();
        } catch (RuntimeException e) {
            Log.warnf("Hub links could not be loaded; reading the database until the next change: %s", e.toString());
            trusted = null;
            return;
        }
        trusted = links;
        // Written before checking, so that a change or loss racing with this load always ends with null.
        if (!listening || changesUnderWay.get() > 0 || epoch.get() != started) {
            trusted = null;
        }
    }

    private Set<Link> load() {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select satellite_id, hub_id from identity.hub_link");
                var rows = query.executeQuery()) {
            var links = new HashSet<Link>();
            while (rows.next()) {
                links.add(new Link(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)));
            }
            return Set.copyOf(links);
        } catch (SQLException e) {
            throw new IllegalStateException("Hub links could not be read", e);
        }
    }

    private record Link(UUID satelliteId, UUID hubId) {}
}
