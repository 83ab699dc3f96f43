package vn.teleconsult.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MediaMigrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldMigrateOwnSchemaWithOwnHistory() throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select version, success from media.flyway_schema_history where version = '1'")) {
            result.next();
            assertEquals("1", result.getString("version"));
            assertEquals(true, result.getBoolean("success"));
        }
    }
}
