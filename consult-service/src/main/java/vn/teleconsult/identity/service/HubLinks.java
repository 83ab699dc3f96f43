package vn.teleconsult.identity.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.platform.notify.NotifiedCopy;
import vn.teleconsult.platform.notify.PgChannels;

/**
 * Answers whether a satellite is linked to a hub from an in-memory copy of {@code identity.hub_link}, reloaded on each
 * change announced on channel {@value #CHANNEL}, and reads the database instead whenever that copy may be out of date.
 *
 * <p>When the copy is trusted is {@link NotifiedCopy}'s to decide; this class says what a link is, how to load them
 * all and how to ask the database while the copy is not trusted. See decision 0017.
 */
@ApplicationScoped
public class HubLinks {

    static final String CHANNEL = "identity_hub_link";

    private final AgroalDataSource dataSource;
    private final HospitalRepository hospitals;
    private final NotifiedCopy<Set<Link>> copy;

    public HubLinks(AgroalDataSource dataSource, PgChannels channels, HospitalRepository hospitals) {
        this.dataSource = dataSource;
        this.hospitals = hospitals;
        this.copy = new NotifiedCopy<>("Hub links", channels, CHANNEL, this::load);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Starts listening (and so loading); until the first load completes, {@link #linked} reads the database. */
    void start() {
        copy.start();
    }

    @PreDestroy
    void stop() {
        copy.stop();
    }

    /** Whether the satellite is linked to the hub, from memory while the copy is trusted, else from the database. */
    public boolean linked(UUID satelliteId, UUID hubId) {
        Set<Link> links = copy.trusted();
        return links != null ? links.contains(new Link(satelliteId, hubId)) : hospitals.linked(satelliteId, hubId);
    }

    /** Whether answers come from memory now. */
    boolean trusted() {
        return copy.trusted() != null;
    }

    /**
     * A link or unlink through this replica is under way: read the database (which, inside that transaction, shows the
     * change) until a load started after the transaction ends completes.
     */
    void changing(@Observes(during = TransactionPhase.IN_PROGRESS) HubLinkChanged change) {
        copy.changeBegun();
    }

    /** Once it has committed (or rolled back), so the caller reads its own write without waiting for the notice. */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) HubLinkChanged change) {
        copy.changeEnded();
    }

    /** LISTEN has been issued: a load that starts now cannot miss a later change. */
    void listenerConnected() {
        copy.listenerConnected();
    }

    /** Changes may be missed from now on: read the database until listening resumes and a load completes. */
    void connectionLost() {
        copy.connectionLost();
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
