package vn.teleconsult.consult.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.Urgency;
import vn.teleconsult.consult.domain.WorklistFilter;

/** Consults by id and by worklist: who sees which, in which order. */
@ApplicationScoped
public class ConsultRepository implements PanacheRepositoryBase<Consult, UUID> {

    /** Which consults a worklist covers: one hospital's sent cases, one hub's queue, or one specialist's cases. */
    public record Scope(UUID requestingHospitalId, UUID hubId, UUID specialistId) {}

    /** A page of consults and how many match. */
    public record Page(List<Consult> items, long total) {}

    public Page worklist(Scope scope, WorklistFilter filter, Instant now, int offset, int limit) {
        var params = new HashMap<String, Object>();
        String where = where(scope, filter, now, params, true);
        params.put("emergency", Urgency.EMERGENCY);
        params.put("urgent", Urgency.URGENT);
        var query = getEntityManager()
                .createQuery(
                        "select c from Consult c where " + where
                                + " order by case when c.urgency = :emergency then 0 when c.urgency = :urgent then 1"
                                + " else 2 end, coalesce(c.submittedAt, c.createdAt), c.id",
                        Consult.class)
                .setFirstResult(offset)
                .setMaxResults(limit);
        params.forEach(query::setParameter);
        var countParams = new HashMap<String, Object>();
        var count = getEntityManager()
                .createQuery(
                        "select count(c) from Consult c where " + where(scope, filter, now, countParams, true),
                        Long.class);
        countParams.forEach(count::setParameter);
        return new Page(query.getResultList(), count.getSingleResult());
    }

    /** How many consults of the scope are in each state (the filters other than state apply). */
    public Map<ConsultState, Long> countsByState(Scope scope, WorklistFilter filter, Instant now) {
        var params = new HashMap<String, Object>();
        String where = where(scope, filter, now, params, false);
        var query = getEntityManager()
                .createQuery(
                        "select c.state, count(c) from Consult c where " + where + " group by c.state", Object[].class);
        params.forEach(query::setParameter);
        var counts = new EnumMap<ConsultState, Long>(ConsultState.class);
        for (Object[] row : query.getResultList()) {
            counts.put((ConsultState) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static String where(
            Scope scope, WorklistFilter filter, Instant now, Map<String, Object> params, boolean state) {
        var where = new ArrayList<String>();
        if (scope.requestingHospitalId() != null) {
            where.add("c.requestingHospitalId = :requesting");
            params.put("requesting", scope.requestingHospitalId());
        }
        if (scope.hubId() != null) {
            // a hub never sees the satellite's drafts
            where.add("c.hubId = :hub and c.state <> :draft");
            params.put("hub", scope.hubId());
            params.put("draft", ConsultState.DRAFT);
        }
        if (scope.specialistId() != null) {
            where.add("c.specialistId = :specialist");
            params.put("specialist", scope.specialistId());
        }
        if (state && filter.state() != null) {
            where.add("c.state = :state");
            params.put("state", filter.state());
        }
        if (filter.urgency() != null) {
            where.add("c.urgency = :urgency");
            params.put("urgency", filter.urgency());
        }
        if (filter.specialty() != null) {
            where.add("lower(c.specialty) = lower(:specialty)");
            params.put("specialty", filter.specialty());
        }
        if (filter.overdue() != null) {
            String overdue = "(c.state in (:waiting) and c.acceptDueAt < :now)";
            where.add(filter.overdue() ? overdue : "not " + overdue);
            params.put("waiting", List.of(ConsultState.SUBMITTED, ConsultState.ASSIGNED, ConsultState.DECLINED));
            params.put("now", now);
        }
        return where.isEmpty() ? "true" : String.join(" and ", where);
    }

    /** The consult, locked for update by this transaction. */
    public Optional<Consult> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Consults still waiting for acceptance past their target and not escalated yet. */
    public List<Consult> overdueNotEscalated(Instant now) {
        return list(
                "state in ?1 and acceptDueAt < ?2 and escalatedAt is null",
                List.of(ConsultState.SUBMITTED, ConsultState.ASSIGNED, ConsultState.DECLINED),
                now);
    }

    /** Sets the escalation time once, without a version change; false when it was already set. */
    public boolean markEscalated(UUID id, Instant at) {
        return update("escalatedAt = ?1 where id = ?2 and escalatedAt is null", at, id) == 1;
    }

    public Optional<Consult> byBooking(UUID bookingId) {
        return find("bookingId", bookingId).firstResultOptional();
    }

    /** The consult whose patient has this pseudonymous key (one per consult). */
    public Optional<Consult> byPatientKey(UUID patientKey) {
        return find("patientKey", patientKey).firstResultOptional();
    }

    /** The consults the study is attached to, oldest first. */
    public List<Consult> withStudy(String studyUid) {
        return list("?1 member of studyUids order by createdAt, id", studyUid);
    }
}
