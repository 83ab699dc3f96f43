package vn.teleconsult.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import vn.teleconsult.platform.db.LocalTransaction;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.CurrentActor;

/**
 * Writes to the append-only audit trail; every module calls this on each read or change of patient data.
 *
 * <p>Each entry is committed at once on its own small connection pool ({@code quarkus.datasource.audit}), outside the
 * caller's transaction: a refused or failed request is recorded even when its own transaction rolls back, and a
 * request holding a connection of the main pool never waits for a second one from that pool (which starves the pool
 * under load). When the trail cannot be written the call fails, so nothing goes unaudited.
 *
 * <p>A change that commits in a transaction of its own may instead record its entry inside that transaction
 * ({@link #recordInTransaction}): the entry then commits with the change or not at all, on the connection the change
 * already holds, and the request makes one commit instead of two (decision 0015).
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT =
            """
            insert into audit.audit_event (occurred_at, actor_id, actor_name, actor_roles, actor_hospital, action,
                resource_type, resource_id, patient_ref, outcome, source_address, detail)
            select cast(at as timestamptz), actor_id, actor_name, actor_roles, actor_hospital, action, resource_type,
                resource_id, patient_ref, outcome, source_address, detail
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                cast(cast(? as text[]) as uuid[]),
                cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                cast(? as text[]), cast(? as text[]))
                with ordinality as e(at, actor_id, actor_name, actor_roles, actor_hospital, action, resource_type,
                    resource_id, patient_ref, outcome, source_address, detail, n)
            order by n
            """;

    private final CurrentActor currentActor;
    private final AgroalDataSource auditDataSource;
    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;

    public AuditTrail(
            CurrentActor currentActor,
            @DataSource("audit") AgroalDataSource auditDataSource,
            AgroalDataSource dataSource,
            TransactionManager transactions) {
        this.currentActor = currentActor;
        this.auditDataSource = auditDataSource;
        this.dataSource = dataSource;
        this.transactions = transactions;
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
        try {
            LocalTransaction.run(auditDataSource, connection -> {
                insert(connection, entries, actor, sourceAddress);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail could not be written", e);
        }
    }

    /**
     * Records the entry for the caller of the current request as part of the active transaction (on the main
     * datasource), so that it commits together with the change it describes, or not at all. For a change that is
     * audited only when it succeeds; a refusal that rolls the transaction back is recorded with {@link #record}.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public void recordInTransaction(AuditEntry entry) {
        try {
            if (transactions.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("recordInTransaction needs an active transaction");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
        // inside a JTA transaction Agroal hands out the connection already enlisted in it
        try (var connection = dataSource.getConnection()) {
            insert(
                    connection,
                    List.of(entry),
                    currentActor.actor().orElse(null),
                    currentActor.remoteAddress().orElse(null));
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail could not be written", e);
        }
    }

    /**
     * Records the entry for the caller of the current request on a connection the caller holds in a local transaction
     * of its own (auto-commit off, outside JTA): the entry commits with the caller's change or not at all. For a hot
     * path that runs its few statements on plain JDBC (decision 0016).
     *
     * @throws IllegalStateException when the connection is in auto-commit mode (the entry would commit on its own)
     */
    public void recordOn(Connection connection, AuditEntry entry) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("recordOn needs a connection in a transaction (auto-commit off)");
        }
        insert(
                connection,
                List.of(entry),
                currentActor.actor().orElse(null),
                currentActor.remoteAddress().orElse(null));
    }

    /**
     * An entry stamped with the caller of the current request, where it came from and when: taken on the request's
     * thread, written later on a connection another thread holds ({@link #recordOn(Connection, List)}).
     */
    public record Stamped(AuditEntry entry, Actor actor, String sourceAddress, OffsetDateTime at) {}

    /** The entry stamped with the caller of the current request (or the system, outside a request) and the time now. */
    public Stamped stamp(AuditEntry entry) {
        return new Stamped(
                entry,
                currentActor.actor().orElse(null),
                currentActor.remoteAddress().orElse(null),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Records stamped entries, of any callers, on a connection the caller holds in a local transaction of its own, in
     * one statement: they commit with the caller's change or not at all (e.g. the entries of a batch of bookings
     * written together).
     *
     * @throws IllegalStateException when the connection is in auto-commit mode (the entries would commit on their own)
     */
    public void recordOn(Connection connection, List<Stamped> entries) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("recordOn needs a connection in a transaction (auto-commit off)");
        }
        insert(connection, entries);
    }

    private static void insert(Connection connection, List<AuditEntry> entries, Actor actor, String sourceAddress)
            throws SQLException {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        insert(
                connection,
                entries.stream()
                        .map(e -> new Stamped(e, actor, sourceAddress, now))
                        .toList());
    }

    /** All entries in one statement (arrays unnested), so that a batch costs one round trip and one execution. */
    private static void insert(Connection connection, List<Stamped> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        var columns = new String[12][n];
        for (int i = 0; i < n; i++) {
            Stamped s = entries.get(i);
            Actor actor = s.actor();
            AuditEntry entry = s.entry();
            columns[0][i] = s.at().toString();
            columns[1][i] = actor == null ? null : actor.id();
            columns[2][i] = actor == null ? null : actor.username();
            columns[3][i] = actor == null
                    ? null
                    : actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
            columns[4][i] = actor == null || actor.hospitalId() == null
                    ? null
                    : actor.hospitalId().toString();
            columns[5][i] = entry.action().name();
            columns[6][i] = entry.resourceType();
            columns[7][i] = entry.resourceId();
            columns[8][i] = entry.patientRef();
            columns[9][i] = entry.outcome().name();
            columns[10][i] = s.sourceAddress();
            columns[11][i] = entry.detail();
        }
        try (var insert = connection.prepareStatement(INSERT)) {
            // text arrays (the hospital's uuid cast in SQL): the driver sends them in binary, without escaping
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            insert.executeUpdate();
        }
    }
}
