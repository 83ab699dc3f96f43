package vn.teleconsult.scheduling.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.teleconsult.scheduling.domain.BookableResource;
import vn.teleconsult.scheduling.domain.Interval;

@ApplicationScoped
public class ResourceRepository implements PanacheRepositoryBase<BookableResource, UUID> {

    public void addException(UUID id, UUID resourceId, Interval during, String reason, String createdBy) {
        getEntityManager()
                .createNativeQuery("insert into scheduling.availability_exception (id, resource_id, during, reason,"
                        + " created_by) values (?1, ?2, tstzrange(?3, ?4, '[)'), ?5, ?6)")
                .setParameter(1, id)
                .setParameter(2, resourceId)
                .setParameter(3, Sql.at(during.start()))
                .setParameter(4, Sql.at(during.end()))
                .setParameter(5, reason)
                .setParameter(6, createdBy)
                .executeUpdate();
    }

    /** Exceptions (leave, holidays) of the resources that overlap [from, to). */
    public Map<UUID, List<Interval>> exceptions(Collection<UUID> resourceIds, Instant from, Instant to) {
        return ranges(
                "select resource_id, lower(during), upper(during) from scheduling.availability_exception"
                        + " where resource_id = any(cast(?1 as uuid[])) and during && tstzrange(?2, ?3, '[)')",
                resourceIds,
                from,
                to);
    }

    /** Time taken by held (unexpired) and booked bookings of the resources within [from, to). */
    public Map<UUID, List<Interval>> busy(Collection<UUID> resourceIds, Instant from, Instant to) {
        return ranges(
                "select resource_id, lower(during), upper(during) from scheduling.booking_resource"
                        + " where resource_id = any(cast(?1 as uuid[])) and during && tstzrange(?2, ?3, '[)')"
                        + " and (hold_expires_at is null or hold_expires_at > now())",
                resourceIds,
                from,
                to);
    }

    private Map<UUID, List<Interval>> ranges(String sql, Collection<UUID> resourceIds, Instant from, Instant to) {
        var result = new HashMap<UUID, List<Interval>>();
        if (resourceIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(sql)
                .setParameter(1, resourceIds.toArray(UUID[]::new))
                .setParameter(2, Sql.at(from))
                .setParameter(3, Sql.at(to))
                .getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent(Sql.uuid(row[0]), k -> new ArrayList<>())
                    .add(new Interval(Sql.instant(row[1]), Sql.instant(row[2])));
        }
        return result;
    }
}
