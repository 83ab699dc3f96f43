package vn.teleconsult.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Looks straight into the database, to check what a request did or did not change. */
@ApplicationScoped
public class Db {

    private final DataSource dataSource;

    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... params) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes a hold's expiry pass now, as if its minutes were up. */
    public void expireHold(String holdId) {
        UUID id = UUID.fromString(holdId);
        update(
                "update scheduling.booking_resource set hold_expires_at = now() - interval '1 second' where booking_id"
                        + " = ?",
                id);
        update("update scheduling.booking set hold_expires_at = now() - interval '1 second' where id = ?", id);
    }

    public int update(String sql, Object... params) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
