package vn.teleconsult.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LocalTransactionTest {

    @Inject
    AgroalDataSource dataSource;

    private final String table = "local_tx_" + System.nanoTime();

    @BeforeEach
    void createTable() throws SQLException {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute("create table public." + table + " (v int not null)");
        }
    }

    @Test
    void shouldCommitWhatTheWorkDidWhenItReturns() throws SQLException {
        int answer = LocalTransaction.run(dataSource, c -> {
            insert(c, 1);
            insert(c, 2);
            return 42;
        });
        assertEquals(42, answer);
        assertEquals(2, rows());
    }

    @Test
    void shouldRollBackEverythingWhenTheWorkThrowsAndHandTheConnectionBackInAutoCommit() throws SQLException {
        var failure = new IllegalStateException("refused");
        var thrown = assertThrows(
                IllegalStateException.class,
                () -> LocalTransaction.run(dataSource, c -> {
                    insert(c, 1);
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertThrows(
                SQLException.class,
                () -> LocalTransaction.run(dataSource, c -> {
                    insert(c, 2);
                    return c.createStatement().execute("select * from public.no_such_table_here");
                }));
        assertEquals(0, rows());
        try (var c = dataSource.getConnection()) {
            assertTrue(c.getAutoCommit(), "the pooled connection is back in auto-commit mode");
        }
    }

    private void insert(java.sql.Connection c, int v) throws SQLException {
        try (var s = c.prepareStatement("insert into public." + table + " (v) values (?)")) {
            s.setInt(1, v);
            s.executeUpdate();
        }
    }

    private long rows() throws SQLException {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery("select count(*) from public." + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
