package vn.teleconsult.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Searches the audit trail, newest first. */
@ApplicationScoped
public class AuditSearch {

    /** A page of results and the total number of matches. */
    public record Result(List<AuditRecord> items, long total) {}

    @Transactional
    public Result search(AuditFilter filter, int offset, int limit) {
        var where = new ArrayList<String>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "actorId", filter.actorId());
        add(where, params, "actorHospital", filter.actorHospital());
        add(where, params, "patientRef", filter.patientRef());
        add(where, params, "resourceType", filter.resourceType());
        add(where, params, "resourceId", filter.resourceId());
        add(where, params, "action", filter.action());
        add(where, params, "outcome", filter.outcome());
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredAt < :to");
            params.put("to", filter.to());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        PanacheQuery<AuditEvent> found = AuditEvent.find(query, Sort.descending("occurredAt", "id"), params);
        long total = found.count();
        var items = found.range(offset, offset + limit - 1).list().stream()
                .map(AuditRecord::of)
                .toList();
        return new Result(items, total);
    }

    private static void add(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}
