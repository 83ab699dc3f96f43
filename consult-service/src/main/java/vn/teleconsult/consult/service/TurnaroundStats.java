package vn.teleconsult.consult.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/** Turnaround per hub and per satellite for administrators: requests, median minutes to accept and to report. */
@ApplicationScoped
public class TurnaroundStats {

    /** One hospital's figures; medians are null when no consult got that far. */
    public record Row(
            UUID hospitalId,
            String side,
            long requests,
            Double medianMinutesToAccept,
            Double medianMinutesToReport,
            long overdue) {}

    private static final String SQL =
            """
            select hub_id, requesting_hospital_id, count(*) as requests,
                percentile_cont(0.5) within group (order by extract(epoch from accepted_at - submitted_at) / 60)
                    as to_accept,
                percentile_cont(0.5) within group (order by extract(epoch from reported_at - submitted_at) / 60)
                    as to_report,
                count(*) filter (where state in ('SUBMITTED', 'ASSIGNED', 'DECLINED') and accept_due_at < now())
                    as overdue
            from consult.consult
            where submitted_at >= ? and submitted_at < ?
            group by grouping sets ((hub_id), (requesting_hospital_id))
            order by requests desc
            """;

    private final AgroalDataSource dataSource;

    public TurnaroundStats(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Row> compute(Actor actor, Instant from, Instant to) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Turnaround statistics are for administrators.");
        }
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to.");
        }
        var rows = new ArrayList<Row>();
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(SQL)) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    UUID hub = rs.getObject(1, UUID.class);
                    UUID hospital = hub != null ? hub : rs.getObject(2, UUID.class);
                    if (actor.hospitalId() != null && !actor.hospitalId().equals(hospital)) {
                        continue; // a hospital's administrator sees their own hospital only
                    }
                    rows.add(new Row(
                            hospital,
                            hub != null ? "HUB" : "SATELLITE",
                            rs.getLong(3),
                            (Double) rs.getObject(4),
                            (Double) rs.getObject(5),
                            rs.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Turnaround statistics could not be read", e);
        }
        return rows;
    }
}
