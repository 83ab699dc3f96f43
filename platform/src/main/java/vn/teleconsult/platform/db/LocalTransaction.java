package vn.teleconsult.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Work on a pooled connection in a local transaction of its own (plain JDBC, outside JTA): committed when the work
 * returns, rolled back when it throws, and the connection handed back in auto-commit mode either way.
 */
public final class LocalTransaction {

    /** Statements run on the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private LocalTransaction() {}

    /** Runs the work in a new local transaction on a connection of {@code dataSource}; must be called outside JTA. */
    public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
