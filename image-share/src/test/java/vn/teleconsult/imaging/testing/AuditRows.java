package vn.teleconsult.imaging.testing;

import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads rows of the audit trail, for tests that check what was recorded (and what was not). */
public final class AuditRows {

    /** One row, as far as tests look at it. */
    public record Row(
            String action, String resourceType, String resourceId, String patientRef, String outcome, String detail) {

        /** Every field as one text, to check that something (a patient id) appears nowhere in the row. */
        public String all() {
            return String.join(
                    "|",
                    action,
                    resourceType,
                    String.valueOf(resourceId),
                    String.valueOf(patientRef),
                    outcome,
                    String.valueOf(detail));
        }
    }

    private static final String COLUMNS =
            "select action, resource_type, resource_id, patient_ref, outcome, detail from audit.audit_event";

    private AuditRows() {}

    /** The actor's rows of one resource type, oldest first. */
    public static List<Row> of(AgroalDataSource db, String actorId, String resourceType) throws SQLException {
        return query(db, COLUMNS + " where actor_id = ? and resource_type = ? order by id", actorId, resourceType);
    }

    /** Rows of one resource type whose detail mentions the text (e.g. a consult id), whoever the actor. */
    public static List<Row> mentioning(AgroalDataSource db, String resourceType, String text) throws SQLException {
        return query(
                db, COLUMNS + " where resource_type = ? and strpos(detail, ?) > 0 order by id", resourceType, text);
    }

    private static List<Row> query(AgroalDataSource db, String sql, String first, String second) throws SQLException {
        try (var c = db.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setString(1, first);
            s.setString(2, second);
            var rs = s.executeQuery();
            var rows = new ArrayList<Row>();
            while (rs.next()) {
                rows.add(new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
            }
            return rows;
        }
    }
}
