package vn.teleconsult.imaging.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.imaging.service.StudyFilter;

/** Finds studies, series and instances the caller may see, with DICOM's matching rules for the keys given. */
@ApplicationScoped
public class StudySearch {

    private final EntityManager em;

    public StudySearch(EntityManager em) {
        this.em = em;
    }

    /** Study-level attributes as stored. */
    public record StudyRow(
            String studyUid,
            String patientId,
            String patientName,
            String patientBirthDate,
            String patientSex,
            String studyDate,
            String studyTime,
            String accessionNumber,
            String studyId,
            String studyDescription,
            String referringPhysician,
            String modalities,
            int seriesCount,
            int instanceCount) {}

    /** Series-level attributes as stored. */
    public record SeriesRow(
            String studyUid,
            String seriesUid,
            String modality,
            Integer seriesNumber,
            String seriesDescription,
            int instanceCount) {}

    /** Instance-level attributes as stored, with its metadata for include fields. */
    public record InstanceSummary(
            String studyUid,
            String seriesUid,
            String sopInstanceUid,
            String sopClassUid,
            Integer instanceNumber,
            Integer rows,
            Integer columns,
            int frames,
            String metadata) {}

    /** An instance's identity within its study, for outlines. */
    public record InstanceOutline(
            String seriesUid, String sopInstanceUid, String sopClassUid, Integer instanceNumber) {}

    /** Who is asking: the hospital whose studies they see and the user whose consult grants apply. */
    public record Viewer(UUID hospitalId, UUID userId) {}

    public List<StudyRow> studies(StudyFilter f, Viewer viewer) {
        var where = new Where(viewer);
        where.studyKeys(f);
        if (f.seriesModality() != null) {
            where.add(
                    "exists (select 1 from imaging.series m where m.study_uid = s.study_uid and m.modality = ?)",
                    f.seriesModality());
        }
        String sql = "select s.study_uid, s.patient_id, s.patient_name, s.patient_birth_date, s.patient_sex,"
                + " s.study_date, s.study_time, s.accession_number, s.study_id, s.study_description,"
                + " s.referring_physician,"
                + " (select string_agg(distinct se.modality, '\\') from imaging.series se where se.study_uid ="
                + " s.study_uid and se.modality <> ''),"
                + " (select count(*) from imaging.series se where se.study_uid = s.study_uid),"
                + " (select count(*) from imaging.instance i where i.study_uid = s.study_uid)"
                + " from imaging.study s where " + where.sql()
                + " order by s.study_date desc, s.study_time desc, s.study_uid limit " + f.limit() + " offset "
                + f.offset();
        var result = new ArrayList<StudyRow>();
        for (Object o : where.bind(em.createNativeQuery(sql)).getResultList()) {
            Object[] r = (Object[]) o;
            result.add(new StudyRow(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    (String) r[9],
                    (String) r[10],
                    r[11] == null ? "" : (String) r[11],
                    ((Number) r[12]).intValue(),
                    ((Number) r[13]).intValue()));
        }
        return result;
    }

    public List<SeriesRow> series(StudyFilter f, Viewer viewer) {
        var where = new Where(viewer);
        where.studyKeys(f);
        if (f.seriesUid() != null) {
            where.add("se.series_uid = ?", f.seriesUid());
        }
        if (f.seriesModality() != null) {
            where.add("se.modality = ?", f.seriesModality());
        }
        String sql = "select se.study_uid, se.series_uid, se.modality, se.series_number, se.series_description,"
                + " (select count(*) from imaging.instance i where i.series_uid = se.series_uid)"
                + " from imaging.series se join imaging.study s on s.study_uid = se.study_uid where "
                + where.sql()
                + " order by se.series_number nulls last, se.series_uid limit " + f.limit() + " offset " + f.offset();
        var result = new ArrayList<SeriesRow>();
        for (Object o : where.bind(em.createNativeQuery(sql)).getResultList()) {
            Object[] r = (Object[]) o;
            result.add(new SeriesRow(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).intValue(),
                    (String) r[4],
                    ((Number) r[5]).intValue()));
        }
        return result;
    }

    public List<InstanceSummary> instances(StudyFilter f, Viewer viewer) {
        var where = new Where(viewer);
        where.studyKeys(f);
        if (f.seriesUid() != null) {
            where.add("i.series_uid = ?", f.seriesUid());
        }
        if (f.sopInstanceUid() != null) {
            where.add("i.sop_instance_uid = ?", f.sopInstanceUid());
        }
        if (f.seriesModality() != null) {
            where.add(
                    "exists (select 1 from imaging.series m where m.series_uid = i.series_uid and m.modality = ?)",
                    f.seriesModality());
        }
        String sql = "select i.study_uid, i.series_uid, i.sop_instance_uid, i.sop_class_uid, i.instance_number,"
                + " i.rows, i.columns, i.frames, i.metadata from imaging.instance i"
                + " join imaging.study s on s.study_uid = i.study_uid where " + where.sql()
                + " order by i.series_uid, i.instance_number nulls last, i.sop_instance_uid limit " + f.limit()
                + " offset " + f.offset();
        var result = new ArrayList<InstanceSummary>();
        for (Object o : where.bind(em.createNativeQuery(sql)).getResultList()) {
            Object[] r = (Object[]) o;
            result.add(new InstanceSummary(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    r[4] == null ? null : ((Number) r[4]).intValue(),
                    r[5] == null ? null : ((Number) r[5]).intValue(),
                    r[6] == null ? null : ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue(),
                    (String) r[8]));
        }
        return result;
    }

    /** Every instance of the study in outline (no metadata), for a caller that has checked the study's access. */
    public List<InstanceOutline> instanceOutlines(String studyUid) {
        var result = new ArrayList<InstanceOutline>();
        for (Object o : em.createNativeQuery("select i.series_uid, i.sop_instance_uid, i.sop_class_uid,"
                        + " i.instance_number from imaging.instance i where i.study_uid = ?1"
                        + " order by i.series_uid, i.instance_number nulls last, i.sop_instance_uid")
                .setParameter(1, studyUid)
                .getResultList()) {
            Object[] r = (Object[]) o;
            result.add(new InstanceOutline(
                    (String) r[0], (String) r[1], (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue()));
        }
        return result;
    }

    /** Builds a parameterised where clause; values never enter the SQL text. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> values = new ArrayList<>();

        Where(Viewer viewer) {
            sql.append("(s.hospital_id = ?");
            values.add(viewer.hospitalId() == null ? new UUID(0, 0) : viewer.hospitalId());
            if (viewer.userId() != null) {
                sql.append(" or exists (select 1 from imaging.study_grant g where g.study_uid = s.study_uid and"
                        + " g.user_id = ?)");
                values.add(viewer.userId());
            }
            sql.append(")");
        }

        void studyKeys(StudyFilter f) {
            if (f.patientId() != null) {
                add("s.patient_id = ?", f.patientId());
            }
            if (f.patientName() != null) {
                add("s.patient_name ilike ? escape '\\'", like(f.patientName()));
            }
            if (f.dateFrom() != null) {
                add("s.study_date >= ?", f.dateFrom());
            }
            if (f.dateTo() != null) {
                add("s.study_date <> '' and s.study_date <= ?", f.dateTo());
            }
            if (f.accessionNumber() != null) {
                add("s.accession_number = ?", f.accessionNumber());
            }
            if (f.modality() != null) {
                // a list of modalities matches studies holding a series of any of them (PS3.4 C.2.2.2.1)
                String[] modalities = f.modality().split("[,\\\\]");
                sql.append(" and exists (select 1 from imaging.series m where m.study_uid = s.study_uid and"
                        + " m.modality in (");
                for (int i = 0; i < modalities.length; i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                    values.add(modalities[i].trim());
                }
                sql.append("))");
            }
            if (!f.studyUids().isEmpty()) {
                sql.append(" and s.study_uid in (");
                for (int i = 0; i < f.studyUids().size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                    values.add(f.studyUids().get(i));
                }
                sql.append(")");
            }
        }

        void add(String condition, Object value) {
            sql.append(" and ").append(condition);
            values.add(value);
        }

        String sql() {
            var numbered = new StringBuilder();
            int n = 0;
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '?') {
                    numbered.append('?').append(++n);
                } else {
                    numbered.append(c);
                }
            }
            return numbered.toString();
        }

        jakarta.persistence.Query bind(jakarta.persistence.Query query) {
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            return query;
        }

        /** DICOM wildcards to a LIKE pattern: '*' any run, '?' one character; LIKE's own characters escaped. */
        private static String like(String pattern) {
            var out = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                switch (c) {
                    case '*' -> out.append('%');
                    case '?' -> out.append('_');
                    case '%', '_', '\\' -> out.append('\\').append(c);
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }
}
