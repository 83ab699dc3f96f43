package vn.teleconsult.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail trail;

    @Inject
    AuditSearch search;

    @Inject
    DataSource dataSource;

    @Inject
    @io.quarkus.agroal.DataSource("audit")
    DataSource auditDataSource;

    @Test
    void shouldRecordWhoReadWhichPatientFromWhere() {
        var hospital = UUID.randomUUID();
        var actor = new Actor(UUID.randomUUID().toString(), "bs.lan", Set.of(Role.HUB_SPECIALIST), hospital);
        String patient = "patient-" + UUID.randomUUID();

        trail.record(AuditEntry.of(AuditAction.READ, "Consult", "c-1").patient(patient), actor, "10.1.2.3");

        var found = search.search(new AuditFilter(null, null, patient, null, null, null, null, null, null), 0, 10);
        assertEquals(1, found.total());
        var record = found.items().get(0);
        assertEquals(actor.id(), record.actorId());
        assertEquals("bs.lan", record.actorName());
        assertEquals("HUB_SPECIALIST", record.actorRoles());
        assertEquals(hospital, record.actorHospital());
        assertEquals(AuditAction.READ, record.action());
        assertEquals("Consult", record.resourceType());
        assertEquals("c-1", record.resourceId());
        assertEquals(AuditOutcome.SUCCESS, record.outcome());
        assertEquals("10.1.2.3", record.sourceAddress());
    }

    @Test
    void shouldRecordSystemWorkWithoutActor() {
        String resource = UUID.randomUUID().toString();
        trail.record(AuditEntry.of(AuditAction.EXECUTE, "Reminder", resource).outcome(AuditOutcome.FAILED));

        var found =
                search.search(new AuditFilter(null, null, null, "Reminder", resource, null, null, null, null), 0, 5);
        assertEquals(1, found.total());
        assertNull(found.items().get(0).actorId());
        assertEquals(AuditOutcome.FAILED, found.items().get(0).outcome());
    }

    @Test
    void shouldRefuseChangingOrDeletingTheTrail() throws SQLException {
        String resource = UUID.randomUUID().toString();
        trail.record(AuditEntry.of(AuditAction.READ, "Consult", resource));

        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            var update = assertThrows(
                    SQLException.class,
                    () -> statement.executeUpdate(
                            "update audit.audit_event set outcome = 'DENIED' where resource_id = '" + resource + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            var delete = assertThrows(
                    SQLException.class,
                    () -> statement.executeUpdate(
                            "delete from audit.audit_event where resource_id = '" + resource + "'"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            assertThrows(SQLException.class, () -> statement.executeUpdate("truncate audit.audit_event"));
        }
        var found = search.search(new AuditFilter(null, null, null, "Consult", resource, null, null, null, null), 0, 5);
        assertEquals(AuditOutcome.SUCCESS, found.items().get(0).outcome());
    }

    @Test
    void shouldCommitAnEntryRecordedInATransactionWithItsChangeAndNotBefore() throws SQLException {
        String resource = UUID.randomUUID().toString();
        var filter = new AuditFilter(null, null, null, "Booking", resource, null, null, null, null);
        long seenInside = QuarkusTransaction.requiringNew().call(() -> {
            trail.recordInTransaction(AuditEntry.of(AuditAction.CREATE, "Booking", resource));
            return committed(resource);
        });
        assertEquals(0, seenInside);
        assertEquals(1, committed(resource));
        assertEquals(1, search.search(filter, 0, 5).total());
    }

    @Test
    void shouldDropAnEntryRecordedInATransactionThatRollsBack() {
        String resource = UUID.randomUUID().toString();
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    trail.recordInTransaction(AuditEntry.of(AuditAction.CREATE, "Booking", resource));
                    throw new IllegalArgumentException("the change failed");
                }));
        var filter = new AuditFilter(null, null, null, "Booking", resource, null, null, null, null);
        assertEquals(0, search.search(filter, 0, 5).total());
    }

    @Test
    void shouldRefuseRecordingInATransactionWhenThereIsNone() {
        String resource = UUID.randomUUID().toString();
        assertThrows(
                IllegalStateException.class,
                () -> trail.recordInTransaction(AuditEntry.of(AuditAction.CREATE, "Booking", resource)));
        var filter = new AuditFilter(null, null, null, "Booking", resource, null, null, null, null);
        assertEquals(0, search.search(filter, 0, 5).total());
    }

    @Test
    void shouldCommitAnEntryRecordedOnALocalTransactionWithItsChangeOrNotAtAll() throws SQLException {
        String kept = UUID.randomUUID().toString();
        String dropped = UUID.randomUUID().toString();
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            trail.recordOn(connection, AuditEntry.of(AuditAction.CREATE, "Booking", kept));
            assertEquals(0, committed(kept));
            connection.commit();
            trail.recordOn(connection, AuditEntry.of(AuditAction.CREATE, "Booking", dropped));
            connection.rollback();
            connection.setAutoCommit(true);
        }
        assertEquals(1, committed(kept));
        assertEquals(0, committed(dropped));
    }

    @Test
    void shouldRefuseRecordingOnAConnectionInAutoCommit() throws SQLException {
        String resource = UUID.randomUUID().toString();
        try (var connection = dataSource.getConnection()) {
            assertThrows(
                    IllegalStateException.class,
                    () -> trail.recordOn(connection, AuditEntry.of(AuditAction.CREATE, "Booking", resource)));
        }
        assertEquals(0, committed(resource));
    }

    /** Entries of the resource that other connections see (on the trail's own pool, outside any transaction). */
    private long committed(String resource) throws SQLException {
        try (var connection = auditDataSource.getConnection();
                var query =
                        connection.prepareStatement("select count(*) from audit.audit_event where resource_id = ?")) {
            query.setString(1, resource);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void shouldPageNewestFirst() {
        String type = "Page" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            trail.record(AuditEntry.of(AuditAction.READ, type, "r" + i), null, null);
        }
        var first = search.search(new AuditFilter(null, null, null, type, null, null, null, null, null), 0, 2);
        var last = search.search(new AuditFilter(null, null, null, type, null, null, null, null, null), 4, 2);
        assertEquals(5, first.total());
        assertEquals(2, first.items().size());
        assertEquals("r4", first.items().get(0).resourceId());
        assertEquals(1, last.items().size());
        assertEquals("r0", last.items().get(0).resourceId());
    }

    @Test
    void shouldRecordSeveralEntriesOfOneActorTogether() {
        var actor =
                new Actor(UUID.randomUUID().toString(), "bs.minh", Set.of(Role.SATELLITE_DOCTOR), UUID.randomUUID());
        String type = "Batch" + UUID.randomUUID().toString().substring(0, 8);

        trail.recordAll(
                List.of(
                        AuditEntry.of(AuditAction.CREATE, type, "s1").detail("stored=3"),
                        AuditEntry.of(AuditAction.CREATE, type, "s2").outcome(AuditOutcome.FAILED)),
                actor,
                "10.9.8.7");
        trail.recordAll(List.of(), actor, null);

        var found = search.search(new AuditFilter(null, null, null, type, null, null, null, null, null), 0, 10);
        assertEquals(2, found.total());
        for (var record : found.items()) {
            assertEquals(actor.id(), record.actorId());
            assertEquals("SATELLITE_DOCTOR", record.actorRoles());
            assertEquals("10.9.8.7", record.sourceAddress());
        }
        assertEquals(
                Set.of("s1:SUCCESS", "s2:FAILED"),
                found.items().stream()
                        .map(r -> r.resourceId() + ":" + r.outcome())
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void shouldRecordNoneOfABatchWhenOneEntryCannotBeWritten() {
        String type = "Batch" + UUID.randomUUID().toString().substring(0, 8);
        String unstorable = "r\u0000"; // PostgreSQL text cannot hold a NUL character
        assertThrows(
                IllegalStateException.class,
                () -> trail.recordAll(
                        List.of(
                                AuditEntry.of(AuditAction.READ, type, "ok"),
                                AuditEntry.of(AuditAction.READ, type, unstorable)),
                        null,
                        null));
        assertEquals(
                0,
                search.search(new AuditFilter(null, null, null, type, null, null, null, null, null), 0, 5)
                        .total());
    }
}
