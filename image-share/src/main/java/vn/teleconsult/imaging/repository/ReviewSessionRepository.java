package vn.teleconsult.imaging.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Review sessions, their members and studies, and the presenter's viewing state, in schema {@code imaging}. */
@ApplicationScoped
public class ReviewSessionRepository {

    /** NOTIFY channel on which every change of a review session is announced to all replicas. */
    public static final String CHANNEL = "imaging_review";

    private final EntityManager em;

    public ReviewSessionRepository(EntityManager em) {
        this.em = em;
    }

    /** One session row. */
    public record SessionRow(
            UUID id,
            UUID consultId,
            String state,
            UUID presenterId,
            UUID handoverTo,
            String viewState,
            long viewVersion,
            Instant openedAt,
            Instant closedAt) {

        public boolean open() {
            return "OPEN".equals(state);
        }
    }

    private static final String COLUMNS =
            "id, consult_id, state, presenter_id, handover_to, view_state, view_version," + " opened_at, closed_at";

    /** Inserts an open session unless the consult has one; true when inserted. */
    public boolean insertOpen(UUID id, UUID consultId, UUID presenterId) {
        return em.createNativeQuery("insert into imaging.review_session (id, consult_id, presenter_id) values (?1, ?2,"
                                + " ?3) on conflict (consult_id) where state = 'OPEN' do nothing")
                        .setParameter(1, id)
                        .setParameter(2, consultId)
                        .setParameter(3, presenterId)
                        .executeUpdate()
                == 1;
    }

    /** The consult's open session, locked for update, or else its latest closed one (not locked). */
    public Optional<SessionRow> ofConsult(UUID consultId, boolean lock) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from imaging.review_session where consult_id = ?1"
                        + " order by state = 'OPEN' desc, opened_at desc limit 1" + (lock ? " for update" : ""))
                .setParameter(1, consultId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(row((Object[]) rows.get(0)));
    }

    public Optional<SessionRow> byId(UUID sessionId) {
        return byId(sessionId, false);
    }

    /** The session, locked for update when asked (hand-over checks and changes under one lock). */
    public Optional<SessionRow> byId(UUID sessionId, boolean lock) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from imaging.review_session where id = ?1"
                        + (lock ? " for update" : ""))
                .setParameter(1, sessionId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(row((Object[]) rows.get(0)));
    }

    public Set<UUID> members(UUID sessionId) {
        var result = new LinkedHashSet<UUID>();
        for (Object id : em.createNativeQuery(
                        "select user_id from imaging.review_member where session_id = ?1 order by user_id")
                .setParameter(1, sessionId)
                .getResultList()) {
            result.add((UUID) id);
        }
        return result;
    }

    public boolean isMember(UUID sessionId, UUID userId) {
        return !em.createNativeQuery("select 1 from imaging.review_member where session_id = ?1 and user_id = ?2")
                .setParameter(1, sessionId)
                .setParameter(2, userId)
                .getResultList()
                .isEmpty();
    }

    public void addMember(UUID sessionId, UUID userId) {
        em.createNativeQuery("insert into imaging.review_member (session_id, user_id) values (?1, ?2)"
                        + " on conflict do nothing")
                .setParameter(1, sessionId)
                .setParameter(2, userId)
                .executeUpdate();
    }

    public void removeMember(UUID sessionId, UUID userId) {
        em.createNativeQuery("delete from imaging.review_member where session_id = ?1 and user_id = ?2")
                .setParameter(1, sessionId)
                .setParameter(2, userId)
                .executeUpdate();
    }

    /** Studies shared into the session, in the order they were shared. */
    public List<String> studies(UUID sessionId) {
        var result = new ArrayList<String>();
        for (Object uid : em.createNativeQuery("select study_uid from imaging.review_study where session_id = ?1"
                        + " order by shared_at, study_uid")
                .setParameter(1, sessionId)
                .getResultList()) {
            result.add((String) uid);
        }
        return result;
    }

    /** Adds a study; true when it was not shared yet. */
    public boolean addStudy(UUID sessionId, String studyUid) {
        return em.createNativeQuery("insert into imaging.review_study (session_id, study_uid) values (?1, ?2)"
                                + " on conflict do nothing")
                        .setParameter(1, sessionId)
                        .setParameter(2, studyUid)
                        .executeUpdate()
                == 1;
    }

    /** Open sessions the study is shared into. */
    public List<UUID> openSessionsWithStudy(String studyUid) {
        var result = new ArrayList<UUID>();
        for (Object id : em.createNativeQuery("select s.id from imaging.review_study rs join imaging.review_session s"
                        + " on s.id = rs.session_id where rs.study_uid = ?1 and s.state = 'OPEN'")
                .setParameter(1, studyUid)
                .getResultList()) {
            result.add((UUID) id);
        }
        return result;
    }

    /** Removes the consult's grants on the session's studies for users who are no longer members. */
    public void revokeGrantsOfFormerMembers(UUID sessionId, UUID consultId) {
        em.createNativeQuery("delete from imaging.study_grant g where g.consult_id = ?1 and g.study_uid in (select"
                        + " study_uid from imaging.review_study where session_id = ?2) and g.user_id not in (select"
                        + " user_id from imaging.review_member where session_id = ?2)")
                .setParameter(1, consultId)
                .setParameter(2, sessionId)
                .executeUpdate();
    }

    public void setPresenter(UUID sessionId, UUID presenterId) {
        em.createNativeQuery("update imaging.review_session set presenter_id = ?2, handover_to = null where id = ?1")
                .setParameter(1, sessionId)
                .setParameter(2, presenterId)
                .executeUpdate();
    }

    public void setHandover(UUID sessionId, UUID userId) {
        em.createNativeQuery("update imaging.review_session set handover_to = ?2 where id = ?1")
                .setParameter(1, sessionId)
                .setParameter(2, userId)
                .executeUpdate();
    }

    /**
     * Replaces the viewing state if {@code presenterId} still presents the open session (checked in the same
     * statement, so a hand-over on another replica cannot race it); answers the new version, or empty.
     */
    public Optional<Long> updateView(UUID sessionId, UUID presenterId, String viewState) {
        List<?> rows = em.createNativeQuery("update imaging.review_session set view_state = ?3, view_version ="
                        + " view_version + 1 where id = ?1 and presenter_id = ?2 and state = 'OPEN'"
                        + " returning view_version")
                .setParameter(1, sessionId)
                .setParameter(2, presenterId)
                .setParameter(3, viewState)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }

    public void close(UUID sessionId) {
        em.createNativeQuery("update imaging.review_session set state = 'CLOSED', closed_at = now(), handover_to ="
                        + " null where id = ?1 and state = 'OPEN'")
                .setParameter(1, sessionId)
                .executeUpdate();
    }

    /** Announces a change to every replica when the transaction commits (NOTIFY is transactional). */
    public void notifyChange(String payload) {
        em.createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, payload)
                .getSingleResult();
    }

    /** Instance counts per series of a study as stored so far, with the first instance of each series. */
    public List<Object[]> seriesCounts(String studyUid) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.series_uid, s.modality, s.series_number, count(i.*),"
                        + " (select i2.sop_instance_uid from imaging.instance i2 where i2.series_uid = s.series_uid"
                        + " order by i2.instance_number nulls last, i2.sop_instance_uid limit 1)"
                        + " from imaging.series s left join imaging.instance i on i.series_uid = s.series_uid"
                        + " where s.study_uid = ?1 group by s.series_uid, s.modality, s.series_number"
                        + " order by s.series_number nulls last, s.series_uid")
                .setParameter(1, studyUid)
                .getResultList();
        return rows;
    }

    private static SessionRow row(Object[] r) {
        return new SessionRow(
                (UUID) r[0],
                (UUID) r[1],
                (String) r[2],
                (UUID) r[3],
                (UUID) r[4],
                (String) r[5],
                ((Number) r[6]).longValue(),
                instant(r[7]),
                instant(r[8]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
