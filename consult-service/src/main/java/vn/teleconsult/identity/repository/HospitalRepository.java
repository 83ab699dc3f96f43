package vn.teleconsult.identity.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.identity.domain.Hospital;

@ApplicationScoped
public class HospitalRepository implements PanacheRepositoryBase<Hospital, UUID> {

    private final AgroalDataSource dataSource;

    public HospitalRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Hospital> findByCode(String code) {
        return find("lower(code) = lower(?1)", code).firstResultOptional();
    }

    /**
     * Whether the satellite is linked to the hub: asked on every consult booking, so one plain statement on a pooled
     * connection, without a Hibernate session (an HQL query here cost more CPU than the booking's own statement). In a
     * JTA transaction Agroal hands out the connection enlisted in it; outside one, a connection in auto-commit mode.
     */
    public boolean linked(UUID satelliteId, UUID hubId) {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(
                        "select exists (select 1 from identity.hub_link where satellite_id = ? and hub_id = ?)")) {
            query.setObject(1, satelliteId);
            query.setObject(2, hubId);
            try (var rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Hub links could not be read", e);
        }
    }
}
