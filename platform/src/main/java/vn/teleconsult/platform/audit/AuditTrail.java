package vn.teleconsult.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.CurrentActor;

/**
 * Writes to the append-only audit trail; every module calls this on each read or change of patient data.
 *
 * <p>Each entry is committed at once on its own small connection pool ({@code quarkus.datasource.audit}), outside the
 * caller's transaction: a refused or failed request is recorded even when its own transaction rolls back, and a
 * request holding a connection of the main pool never waits for a second one from that pool (which starves the pool
 * under load). When the trail cannot be written the call fails, so nothing goes unaudited.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT =
            """
            insert into audit.audit_event (occurred_at, actor_id, actor_name, actor_roles, actor_hospital, action,
                resource_type, resource_id, patient_ref, outcome, source_address, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final CurrentActor currentActor;
    private final AgroalDataSource auditDataSource;

    public AuditTrail(CurrentActor currentActor, @DataSource("audit") AgroalDataSource auditDataSource) {
        this.currentActor = currentActor;
        this.auditDataSource = auditDataSource;
    }

    /** Records the entry for the caller of the current request (or the system, outside a request). */
    public void record(AuditEntry entry) {
        record(
                entry,
                currentActor.actor().orElse(null),
                currentActor.remoteAddress().orElse(null));
    }

    /** Records the entry for an explicitly given actor, e.g. during sign-in before a token exists. */
    public void record(AuditEntry entry, Actor actor, String sourceAddress) {
        recordAll(List.of(entry), actor, sourceAddress);
    }

    /**
     * Records several entries of one actor in one commit (all or none), e.g. one per study of a batch of received
     * instances: one disk flush for the lot instead of one per entry.
     */
    public void recordAll(List<AuditEntry> entries, Actor actor, String sourceAddress) {
        if (entries.isEmpty()) {
            return;
        }
        String roles = actor == null
                ? null
                : actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        try (var connection = auditDataSource.getConnection();
                var insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            try {
                for (AuditEntry entry : entries) {
                    insert.setObject(1, now);
                    insert.setString(2, actor == null ? null : actor.id());
                    insert.setString(3, actor == null ? null : actor.username());
                    insert.setString(4, roles);
                    insert.setObject(5, actor == null ? null : actor.hospitalId());
                    insert.setString(6, entry.action().name());
                    insert.setString(7, entry.resourceType());
                    insert.setString(8, entry.resourceId());
                    insert.setString(9, entry.patientRef());
                    insert.setString(10, entry.outcome().name());
                    insert.setString(11, sourceAddress);
                    insert.setString(12, entry.detail());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail could not be written", e);
        }
    }
}
