package vn.teleconsult.imaging.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The PostgreSQL index of stored studies, series and instances, and the grants that open studies to consults. */
@ApplicationScoped
public class StudyIndex {

    private final EntityManager em;

    public StudyIndex(EntityManager em) {
        this.em = em;
    }

    /** A stored instance as retrieval needs it. */
    public record InstanceRow(
            String studyUid,
            String seriesUid,
            String sopInstanceUid,
            String sopClassUid,
            String transferSyntax,
            int frames,
            String storageKey,
            long pixelOffset,
            long pixelLength,
            Integer instanceNumber,
            long size) {}

    /** The storage keys of those of the given instances that are indexed (committed rows only). */
    public java.util.Set<String> indexedKeys(List<String> sopInstanceUids) {
        var keys = new java.util.HashSet<String>();
        for (Object key : em.createNativeQuery(
                        "select storage_key from imaging.instance where sop_instance_uid = any(cast(?1 as text[]))")
                .setParameter(1, sopInstanceUids.toArray(String[]::new))
                .getResultList()) {
            keys.add((String) key);
        }
        return keys;
    }

    public Optional<UUID> owner(String studyUid) {
        List<?> rows = em.createNativeQuery("select hospital_id from imaging.study where study_uid = ?1")
                .setParameter(1, studyUid)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((UUID) rows.get(0));
    }

    public Optional<String> patientId(String studyUid) {
        List<?> rows = em.createNativeQuery("select patient_id from imaging.study where study_uid = ?1")
                .setParameter(1, studyUid)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** The PatientID of each of the given studies that is stored (a study without one maps to an empty string). */
    public java.util.Map<String, String> patientIds(java.util.Collection<String> studyUids) {
        var result = new java.util.LinkedHashMap<String, String>();
        for (Object row : em.createNativeQuery("select study_uid, coalesce(patient_id, '') from imaging.study"
                        + " where study_uid = any(cast(?1 as text[]))")
                .setParameter(1, studyUids.toArray(String[]::new))
                .getResultList()) {
            Object[] r = (Object[]) row;
            result.put((String) r[0], (String) r[1]);
        }
        return result;
    }

    /** Whether the user holds a grant on the study through any consult. */
    public boolean granted(String studyUid, UUID userId) {
        return !em.createNativeQuery("select 1 from imaging.study_grant where study_uid = ?1 and user_id = ?2 limit 1")
                .setParameter(1, studyUid)
                .setParameter(2, userId)
                .getResultList()
                .isEmpty();
    }

    public void grant(String studyUid, UUID consultId, UUID userId) {
        em.createNativeQuery("insert into imaging.study_grant (study_uid, consult_id, user_id) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, studyUid)
                .setParameter(2, consultId)
                .setParameter(3, userId)
                .executeUpdate();
    }

    public int revoke(String studyUid, UUID consultId) {
        return em.createNativeQuery("delete from imaging.study_grant where study_uid = ?1 and consult_id = ?2")
                .setParameter(1, studyUid)
                .setParameter(2, consultId)
                .executeUpdate();
    }

    /** Instances of a study, or of one series, or one instance, ordered for viewing. */
    public List<InstanceRow> instances(String studyUid, String seriesUid, String sopInstanceUid) {
        var sql = new StringBuilder("select study_uid, series_uid, sop_instance_uid, sop_class_uid, transfer_syntax,"
                + " frames, storage_key, coalesce(pixel_offset, -1), coalesce(pixel_length, -1), instance_number,"
                + " size_bytes"
                + " from imaging.instance where study_uid = :study");
        if (seriesUid != null) {
            sql.append(" and series_uid = :series");
        }
        if (sopInstanceUid != null) {
            sql.append(" and sop_instance_uid = :sop");
        }
        sql.append(" order by series_uid, instance_number nulls last, sop_instance_uid");
        var query = em.createNativeQuery(sql.toString()).setParameter("study", studyUid);
        if (seriesUid != null) {
            query.setParameter("series", seriesUid);
        }
        if (sopInstanceUid != null) {
            query.setParameter("sop", sopInstanceUid);
        }
        var result = new ArrayList<InstanceRow>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            result.add(new InstanceRow(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    ((Number) r[5]).intValue(),
                    (String) r[6],
                    ((Number) r[7]).longValue(),
                    ((Number) r[8]).longValue(),
                    r[9] == null ? null : ((Number) r[9]).intValue(),
                    ((Number) r[10]).longValue()));
        }
        return result;
    }

    /** The DICOM JSON metadata of the same selection as {@link #instances}, joined into one JSON array. */
    public String metadata(String studyUid, String seriesUid, String sopInstanceUid) {
        var sql = new StringBuilder("select coalesce('[' || string_agg(metadata, ',' order by series_uid,"
                + " instance_number nulls last, sop_instance_uid) || ']', '[]') from imaging.instance"
                + " where study_uid = :study");
        if (seriesUid != null) {
            sql.append(" and series_uid = :series");
        }
        if (sopInstanceUid != null) {
            sql.append(" and sop_instance_uid = :sop");
        }
        var query = em.createNativeQuery(sql.toString()).setParameter("study", studyUid);
        if (seriesUid != null) {
            query.setParameter("series", seriesUid);
        }
        if (sopInstanceUid != null) {
            query.setParameter("sop", sopInstanceUid);
        }
        return (String) query.getSingleResult();
    }
}
