package vn.teleconsult.identity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import vn.teleconsult.identity.domain.Hospital;

@ApplicationScoped
public class HospitalRepository implements PanacheRepositoryBase<Hospital, UUID> {

    public Optional<Hospital> findByCode(String code) {
        return find("lower(code) = lower(?1)", code).firstResultOptional();
    }

    /**
     * Whether the satellite is linked to the hub: asked on every consult booking, so one plain statement on the
     * session's connection (an HQL query here cost more CPU than the booking's own statement).
     */
    public boolean linked(UUID satelliteId, UUID hubId) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (var query = connection.prepareStatement(
                    "select exists (select 1 from identity.hub_link where satellite_id = ? and hub_id = ?)")) {
                query.setObject(1, satelliteId);
                query.setObject(2, hubId);
                try (var rows = query.executeQuery()) {
                    return rows.next() && rows.getBoolean(1);
                }
            }
        });
    }
}
