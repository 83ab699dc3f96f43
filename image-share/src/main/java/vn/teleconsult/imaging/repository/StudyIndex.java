package vn.teleconsult.imaging.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.imaging.dicom.ParsedInstance;

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
            Integer instanceNumber) {}

    /** Creates the study row if new (first instance wins for its attributes) and answers the owning hospital. */
    public UUID ensureStudy(ParsedInstance p, UUID hospitalId) {
        em.createNativeQuery("insert into imaging.study (study_uid, hospital_id, patient_id, patient_name,"
                        + " patient_birth_date, patient_sex, study_date, study_time, accession_number, study_id,"
                        + " study_description, referring_physician) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                        + " ?11, ?12) on conflict (study_uid) do nothing")
                .setParameter(1, p.studyUid())
                .setParameter(2, hospitalId)
                .setParameter(3, p.patientId())
                .setParameter(4, p.patientName())
                .setParameter(5, p.patientBirthDate())
                .setParameter(6, p.patientSex())
                .setParameter(7, p.studyDate())
                .setParameter(8, p.studyTime())
                .setParameter(9, p.accessionNumber())
                .setParameter(10, p.studyId())
                .setParameter(11, p.studyDescription())
                .setParameter(12, p.referringPhysician())
                .executeUpdate();
        return owner(p.studyUid()).orElseThrow();
    }

    /** Creates the series row if new; answers the study it belongs to. */
    public String ensureSeries(ParsedInstance p) {
        em.createNativeQuery("insert into imaging.series (series_uid, study_uid, modality, series_number,"
                        + " series_description) values (?1, ?2, ?3, ?4, ?5) on conflict (series_uid) do nothing")
                .setParameter(1, p.seriesUid())
                .setParameter(2, p.studyUid())
                .setParameter(3, p.modality())
                .setParameter(4, p.seriesNumber())
                .setParameter(5, p.seriesDescription())
                .executeUpdate();
        return (String) em.createNativeQuery("select study_uid from imaging.series where series_uid = ?1")
                .setParameter(1, p.seriesUid())
                .getSingleResult();
    }

    /** Adds the instance; false when the SOP Instance UID is already stored. */
    public boolean insertInstance(ParsedInstance p, long size, String storageKey) {
        int rows = em.createNativeQuery("insert into imaging.instance (sop_instance_uid, series_uid, study_uid,"
                        + " sop_class_uid, instance_number, transfer_syntax, rows, columns, frames, size_bytes,"
                        + " storage_key, pixel_offset, pixel_length, metadata) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                        + " ?9, ?10, ?11, ?12, ?13, ?14) on conflict (sop_instance_uid) do nothing")
                .setParameter(1, p.sopInstanceUid())
                .setParameter(2, p.seriesUid())
                .setParameter(3, p.studyUid())
                .setParameter(4, p.sopClassUid())
                .setParameter(5, p.instanceNumber())
                .setParameter(6, p.transferSyntax())
                .setParameter(7, p.pixels().rows())
                .setParameter(8, p.pixels().columns())
                .setParameter(9, Math.max(1, p.pixels().frames()))
                .setParameter(10, size)
                .setParameter(11, storageKey)
                .setParameter(12, p.pixelOffset())
                .setParameter(13, p.pixelLength())
                .setParameter(14, p.metadataJson())
                .executeUpdate();
        if (rows == 1) {
            em.createNativeQuery("update imaging.study set updated_at = now() where study_uid = ?1")
                    .setParameter(1, p.studyUid())
                    .executeUpdate();
        }
        return rows == 1;
    }

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

    public boolean hasInstance(String sopInstanceUid) {
        return !em.createNativeQuery("select 1 from imaging.instance where sop_instance_uid = ?1")
                .setParameter(1, sopInstanceUid)
                .getResultList()
                .isEmpty();
    }

    public Optional<String> studyOfSeries(String seriesUid) {
        List<?> rows = em.createNativeQuery("select study_uid from imaging.series where series_uid = ?1")
                .setParameter(1, seriesUid)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
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
                + " frames, storage_key, coalesce(pixel_offset, -1), coalesce(pixel_length, -1), instance_number"
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
                    r[9] == null ? null : ((Number) r[9]).intValue()));
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
