package vn.teleconsult.scheduling.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.domain.AvailabilityRule;
import vn.teleconsult.scheduling.domain.Interval;
import vn.teleconsult.scheduling.domain.Schedule;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<Schedule, UUID> {

    /** What a slot search may filter by; null fields do not filter. */
    public record Filter(
            BookingKind kind,
            UUID hospitalId,
            UUID practitionerId,
            UUID scheduleId,
            String serviceCode,
            String specialty) {}

    public List<Schedule> search(Filter filter, int limit) {
        var where = new ArrayList<String>();
        var params = new Parameters();
        where.add("active = true");
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.hospitalId() != null) {
            where.add("hospitalId = :hospital");
            params.and("hospital", filter.hospitalId());
        }
        if (filter.practitionerId() != null) {
            where.add("resourceId = :practitioner");
            params.and("practitioner", filter.practitionerId());
        }
        if (filter.scheduleId() != null) {
            where.add("id = :id");
            params.and("id", filter.scheduleId());
        }
        if (filter.serviceCode() != null) {
            where.add("serviceCode = :service");
            params.and("service", filter.serviceCode());
        }
        if (filter.specialty() != null) {
            where.add("lower(specialty) = lower(:specialty)");
            params.and("specialty", filter.specialty());
        }
        return find(String.join(" and ", where) + " order by id", params)
                .page(0, limit)
                .list();
    }

    /** What a slot search needs from the database, read in one statement. */
    public record SearchData(
            Map<UUID, Integer> versions, Map<UUID, List<Interval>> busy, Map<UUID, List<Interval>> off) {}

    /**
     * In one statement: the active schedules matching the filter (id and version; the rest comes from the cache),
     * and, for their resources within [from, to), the time taken by bookings and unexpired holds and the exceptions.
     */
    public SearchData searchData(Filter filter, int limit, Instant from, Instant to) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        where.add("active");
        if (filter.kind() != null) {
            where.add("kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.hospitalId() != null) {
            where.add("hospital_id = ?");
            params.add(filter.hospitalId());
        }
        if (filter.practitionerId() != null) {
            where.add("resource_id = ?");
            params.add(filter.practitionerId());
        }
        if (filter.scheduleId() != null) {
            where.add("id = ?");
            params.add(filter.scheduleId());
        }
        if (filter.serviceCode() != null) {
            where.add("service_code = ?");
            params.add(filter.serviceCode());
        }
        if (filter.specialty() != null) {
            where.add("lower(specialty) = lower(?)");
            params.add(filter.specialty());
        }
        params.add(limit);
        var range = List.of(Sql.at(from), Sql.at(to));
        params.addAll(range);
        params.addAll(range);
        String sql = "with s as (select id, version, resource_id from scheduling.schedule where "
                + String.join(" and ", where) + " order by id limit ?)"
                + " select 0, id, version, null::timestamptz, null::timestamptz from s"
                + " union all select 1, r.resource_id, 0, lower(r.during), upper(r.during)"
                + " from scheduling.booking_resource r where r.resource_id in (select resource_id from s)"
                + " and r.during && tstzrange(?, ?, '[)') and (r.hold_expires_at is null or r.hold_expires_at > now())"
                + " union all select 2, e.resource_id, 0, lower(e.during), upper(e.during)"
                + " from scheduling.availability_exception e where e.resource_id in (select resource_id from s)"
                + " and e.during && tstzrange(?, ?, '[)')";
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            var versions = new LinkedHashMap<UUID, Integer>();
            var busy = new HashMap<UUID, List<Interval>>();
            var off = new HashMap<UUID, List<Interval>>();
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, params.get(i));
                }
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(2, UUID.class);
                        switch (rows.getInt(1)) {
                            case 0 -> versions.put(id, rows.getInt(3));
                            case 1 ->
                                busy.computeIfAbsent(id, k -> new ArrayList<>()).add(interval(rows));
                            default ->
                                off.computeIfAbsent(id, k -> new ArrayList<>()).add(interval(rows));
                        }
                    }
                }
            }
            return new SearchData(versions, busy, off);
        });
    }

    private static Interval interval(java.sql.ResultSet rows) throws java.sql.SQLException {
        return new Interval(
                rows.getObject(4, OffsetDateTime.class).toInstant(),
                rows.getObject(5, OffsetDateTime.class).toInstant());
    }

    /** The schedule's rules changed: caches holding its old version must not be used any more. */
    public void bumpVersion(UUID id) {
        getEntityManager()
                .createNativeQuery("update scheduling.schedule set version = version + 1 where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    public List<Schedule> ofResource(UUID resourceId) {
        return list("resourceId", resourceId);
    }

    public List<AvailabilityRule> rules(UUID scheduleId) {
        return AvailabilityRule.list("scheduleId = ?1 order by validFrom, startTime", scheduleId);
    }

    public Map<UUID, List<AvailabilityRule>> rules(Collection<UUID> scheduleIds) {
        if (scheduleIds.isEmpty()) {
            return Map.of();
        }
        List<AvailabilityRule> all = AvailabilityRule.list("scheduleId in ?1", scheduleIds);
        return all.stream().collect(Collectors.groupingBy(r -> r.scheduleId));
    }
}
