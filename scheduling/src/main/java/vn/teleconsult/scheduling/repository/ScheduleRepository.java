package vn.teleconsult.scheduling.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.domain.AvailabilityRule;
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
