package vn.teleconsult.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.notify.PgChannels;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
class HubLinksTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final String INSERT = "insert into identity.hub_link (satellite_id, hub_id) values (?, ?)";
    private static final String DELETE = "delete from identity.hub_link where satellite_id = ? and hub_id = ?";
    private static final String LISTENERS = "from pg_stat_activity where query like 'LISTEN " + HubLinks.CHANNEL + "%'";

    @Inject
    Directory directory;

    @Inject
    HubLinks hubLinks;

    @Inject
    HospitalService hospitalService;

    @Inject
    HospitalRepository hospitals;

    @Inject
    PgChannels channels;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Fixtures fixtures;

    private final Actor admin = new Actor(null, "admin", Set.of(Role.ADMIN), null);

    @Test
    void shouldShowLinkAndUnlinkThroughThisReplicaAsSoonAsTheyReturn() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        awaitTrusted();
        assertFalse(directory.linked(satellite, hub));

        hospitalService.link(admin, satellite, hub);
        assertTrue(directory.linked(satellite, hub), "read-your-writes, before any notice arrives");
        awaitTrusted();
        assertTrue(directory.linked(satellite, hub));

        hospitalService.unlink(admin, satellite, hub);
        assertFalse(directory.linked(satellite, hub), "read-your-writes, before any notice arrives");
        awaitTrusted();
        assertFalse(directory.linked(satellite, hub));
    }

    @Test
    void shouldFollowChangesWrittenStraightIntoTheTableAsAnotherReplicaWould() throws Exception {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        awaitTrusted();
        assertFalse(directory.linked(satellite, hub));

        execute(INSERT, satellite, hub);
        awaitFromMemory(satellite, hub, true);

        execute(DELETE, satellite, hub);
        awaitFromMemory(satellite, hub, false);

        execute(INSERT, satellite, hub);
        awaitFromMemory(satellite, hub, true);
        execute(
                "update identity.hub_link set created_at = now() where satellite_id = ? and hub_id = ?",
                satellite,
                hub);
        execute(DELETE, satellite, hub);
        awaitFromMemory(satellite, hub, false);
    }

    @Test
    void shouldNeverShowARolledBackLink() throws Exception {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var otherHub = fixtures.hospital(HospitalKind.HUB);
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        awaitTrusted();

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.prepareStatement(INSERT)) {
                s.setObject(1, satellite);
                s.setObject(2, hub);
                s.executeUpdate();
            }
            assertFalse(directory.linked(satellite, hub), "not committed yet");
            c.rollback();
            c.setAutoCommit(true);
        }
        // A later committed change is seen, and so every notice before it has been handled.
        execute(INSERT, satellite, otherHub);
        awaitFromMemory(satellite, otherHub, true);
        assertFalse(directory.linked(satellite, hub));
        assertFalse(hospitals.linked(satellite, hub));
    }

    @Test
    void shouldCatchUpWithAChangeMissedWhileTheListenerWasDisconnected() throws Exception {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        awaitTrusted();

        silently(INSERT, satellite, hub);
        assertTrue(hospitals.linked(satellite, hub));
        assertEquals(1, count("select count(pg_terminate_backend(pid)) " + LISTENERS), "one listener, terminated");
        awaitFromMemory(satellite, hub, true);
        Awaitility.await().atMost(DEADLINE).until(() -> count("select count(*) " + LISTENERS) == 1);
    }

    @Test
    void shouldReadTheDatabaseUntilListeningAndAFirstLoadThenAnswerFromMemory() throws Exception {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        // A copy of its own that never hears a notice: its listener cannot connect, so the test drives its state.
        var unreachable = new PgChannels(dataSource, "jdbc:postgresql://127.0.0.1:9/none", "none", "none");
        var links = new HubLinks(dataSource, unreachable, hospitals);
        links.start();
        try {
            assertFalse(links.trusted());
            assertFalse(links.linked(satellite, hub));
            execute(INSERT, satellite, hub);
            assertTrue(links.linked(satellite, hub), "not listening: read from the database");

            links.listenerConnected();
            Awaitility.await().atMost(DEADLINE).until(links::trusted);
            assertTrue(links.linked(satellite, hub));

            execute(DELETE, satellite, hub);
            assertFalse(hospitals.linked(satellite, hub));
            for (int i = 0; i < 100; i++) {
                assertTrue(links.linked(satellite, hub), "trusted and not told: the answer is the copy in memory");
            }

            links.connectionLost();
            assertFalse(links.trusted());
            assertFalse(links.linked(satellite, hub), "connection lost: read from the database at once");

            links.listenerConnected();
            Awaitility.await().atMost(DEADLINE).until(links::trusted);
            assertFalse(links.linked(satellite, hub));
        } finally {
            links.stop();
        }
        assertFalse(links.trusted(), "stopped");
    }

    private void awaitTrusted() {
        Awaitility.await().atMost(DEADLINE).until(hubLinks::trusted);
    }

    /** Until the answer is the expected one and comes from a copy loaded after the change. */
    private void awaitFromMemory(UUID satellite, UUID hub, boolean expected) {
        Awaitility.await()
                .atMost(DEADLINE)
                .until(() -> hubLinks.trusted() && directory.linked(satellite, hub) == expected);
    }

    private void execute(String sql, UUID satellite, UUID hub) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setObject(1, satellite);
            s.setObject(2, hub);
            s.executeUpdate();
        }
    }

    /** Writes without a notice: the trigger is off only inside this transaction, so no other session sees it off. */
    private void silently(String sql, UUID satellite, UUID hub) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var off = c.createStatement()) {
                off.execute("alter table identity.hub_link disable trigger hub_link_notify");
            }
            try (var s = c.prepareStatement(sql)) {
                s.setObject(1, satellite);
                s.setObject(2, hub);
                s.executeUpdate();
            }
            try (var on = c.createStatement()) {
                on.execute("alter table identity.hub_link enable trigger hub_link_notify");
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private int count(String sql) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
