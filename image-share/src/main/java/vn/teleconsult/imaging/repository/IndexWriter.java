package vn.teleconsult.imaging.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import vn.teleconsult.imaging.dicom.ParsedInstance;

/**
 * Writes the index rows of a batch of received instances with one statement per level (arrays unnested by
 * PostgreSQL), so storing a hundred instances costs a handful of round trips, not a handful per instance. Rows are
 * inserted in key order, so that concurrent batches lock them in the same order.
 */
@ApplicationScoped
public class IndexWriter {

    private final EntityManager em;

    public IndexWriter(EntityManager em) {
        this.em = em;
    }

    /** An instance to index, with its file's size and storage key. */
    public record NewInstance(ParsedInstance parsed, long size, String storageKey) {}

    /** The study each of the given series is stored under (series not stored are absent). */
    public Map<String, String> studiesOfSeries(Collection<String> seriesUids) {
        var result = new HashMap<String, String>();
        for (Object row : em.createNativeQuery("select series_uid, study_uid from imaging.series"
                        + " where series_uid = any(cast(?1 as text[]))")
                .setParameter(1, seriesUids.toArray(String[]::new))
                .getResultList()) {
            Object[] r = (Object[]) row;
            result.put((String) r[0], (String) r[1]);
        }
        return result;
    }

    /** The study each of the given SOP instances is stored under (instances not stored are absent). */
    public Map<String, String> studiesOfInstances(Collection<String> sopInstanceUids) {
        var result = new HashMap<String, String>();
        for (Object row : em.createNativeQuery("select sop_instance_uid, study_uid from imaging.instance"
                        + " where sop_instance_uid = any(cast(?1 as text[]))")
                .setParameter(1, sopInstanceUids.toArray(String[]::new))
                .getResultList()) {
            Object[] r = (Object[]) row;
            result.put((String) r[0], (String) r[1]);
        }
        return result;
    }

    /** The hospital owning each of the given studies (studies not stored are absent). */
    public Map<String, UUID> owners(Collection<String> studyUids) {
        var result = new HashMap<String, UUID>();
        for (Object row : em.createNativeQuery("select study_uid, hospital_id from imaging.study"
                        + " where study_uid = any(cast(?1 as text[]))")
                .setParameter(1, studyUids.toArray(String[]::new))
                .getResultList()) {
            Object[] r = (Object[]) row;
            result.put((String) r[0], (UUID) r[1]);
        }
        return result;
    }

    /** Creates the study rows that do not exist yet from the given instances (one per study); answers those created. */
    public Set<String> insertStudies(List<ParsedInstance> firstOfEachStudy, UUID hospitalId) {
        var rows = sorted(firstOfEachStudy, ParsedInstance::studyUid);
        return uids(em.createNativeQuery("insert into imaging.study (study_uid, hospital_id, patient_id, patient_name,"
                        + " patient_birth_date, patient_sex, study_date, study_time, accession_number, study_id,"
                        + " study_description, referring_physician)"
                        + " select u, cast(?2 as uuid), a, b, c, d, e, f, g, h, i, j from unnest(cast(?1 as text[]),"
                        + " cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]), cast(?6 as text[]),"
                        + " cast(?7 as text[]), cast(?8 as text[]), cast(?9 as text[]), cast(?10 as text[]),"
                        + " cast(?11 as text[]), cast(?12 as text[])) as x(u, a, b, c, d, e, f, g, h, i, j)"
                        + " on conflict (study_uid) do nothing returning study_uid")
                .setParameter(1, column(rows, ParsedInstance::studyUid))
                .setParameter(2, hospitalId.toString())
                .setParameter(3, column(rows, ParsedInstance::patientId))
                .setParameter(4, column(rows, ParsedInstance::patientName))
                .setParameter(5, column(rows, ParsedInstance::patientBirthDate))
                .setParameter(6, column(rows, ParsedInstance::patientSex))
                .setParameter(7, column(rows, ParsedInstance::studyDate))
                .setParameter(8, column(rows, ParsedInstance::studyTime))
                .setParameter(9, column(rows, ParsedInstance::accessionNumber))
                .setParameter(10, column(rows, ParsedInstance::studyId))
                .setParameter(11, column(rows, ParsedInstance::studyDescription))
                .setParameter(12, column(rows, ParsedInstance::referringPhysician))
                .getResultList());
    }

    /** Creates the series rows that do not exist yet (one instance per series); answers those created. */
    public Set<String> insertSeries(List<ParsedInstance> firstOfEachSeries) {
        var rows = sorted(firstOfEachSeries, ParsedInstance::seriesUid);
        return uids(em.createNativeQuery("insert into imaging.series (series_uid, study_uid, modality, series_number,"
                        + " series_description) select u, s, m, cast(n as integer), d from unnest(cast(?1 as text[]),"
                        + " cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]))"
                        + " as x(u, s, m, n, d) on conflict (series_uid) do nothing returning series_uid")
                .setParameter(1, column(rows, ParsedInstance::seriesUid))
                .setParameter(2, column(rows, ParsedInstance::studyUid))
                .setParameter(3, column(rows, ParsedInstance::modality))
                .setParameter(4, column(rows, p -> text(p.seriesNumber())))
                .setParameter(5, column(rows, ParsedInstance::seriesDescription))
                .getResultList());
    }

    /** Adds the instances not stored yet; answers the SOP Instance UIDs added (the others were stored already). */
    public Set<String> insertInstances(List<NewInstance> instances) {
        var rows = sorted(instances, i -> i.parsed().sopInstanceUid());
        return uids(em.createNativeQuery("insert into imaging.instance (sop_instance_uid, series_uid, study_uid,"
                        + " sop_class_uid, instance_number, transfer_syntax, rows, columns, frames, size_bytes,"
                        + " storage_key, pixel_offset, pixel_length, metadata) select u, se, st, c, cast(n as integer),"
                        + " t, cast(r as integer), cast(co as integer), cast(f as integer), cast(sz as bigint), k,"
                        + " cast(po as bigint), cast(pl as bigint), m from unnest(cast(?1 as text[]),"
                        + " cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]),"
                        + " cast(?6 as text[]), cast(?7 as text[]), cast(?8 as text[]), cast(?9 as text[]),"
                        + " cast(?10 as text[]), cast(?11 as text[]), cast(?12 as text[]), cast(?13 as text[]),"
                        + " cast(?14 as text[])) as x(u, se, st, c, n, t, r, co, f, sz, k, po, pl, m)"
                        + " on conflict (sop_instance_uid) do nothing returning sop_instance_uid")
                .setParameter(1, column(rows, i -> i.parsed().sopInstanceUid()))
                .setParameter(2, column(rows, i -> i.parsed().seriesUid()))
                .setParameter(3, column(rows, i -> i.parsed().studyUid()))
                .setParameter(4, column(rows, i -> i.parsed().sopClassUid()))
                .setParameter(5, column(rows, i -> text(i.parsed().instanceNumber())))
                .setParameter(6, column(rows, i -> i.parsed().transferSyntax()))
                .setParameter(7, column(rows, i -> text(i.parsed().pixels().rows())))
                .setParameter(8, column(rows, i -> text(i.parsed().pixels().columns())))
                .setParameter(
                        9,
                        column(rows, i -> text(Math.max(1, i.parsed().pixels().frames()))))
                .setParameter(10, column(rows, i -> text(i.size())))
                .setParameter(11, column(rows, NewInstance::storageKey))
                .setParameter(12, column(rows, i -> text(i.parsed().pixelOffset())))
                .setParameter(13, column(rows, i -> text(i.parsed().pixelLength())))
                .setParameter(14, column(rows, i -> i.parsed().metadataJson()))
                .getResultList());
    }

    /** Marks the studies as changed now (instances were added). */
    public void touchStudies(Collection<String> studyUids) {
        em.createNativeQuery("update imaging.study set updated_at = now() where study_uid = any(cast(?1 as text[]))")
                .setParameter(1, studyUids.stream().sorted().toArray(String[]::new))
                .executeUpdate();
    }

    /** Removes those of the given series and studies that hold no instance (rows created for instances then refused). */
    public void removeEmpty(Collection<String> seriesUids, Collection<String> studyUids) {
        em.createNativeQuery("delete from imaging.series s where s.series_uid = any(cast(?1 as text[]))"
                        + " and not exists (select 1 from imaging.instance i where i.series_uid = s.series_uid)")
                .setParameter(1, seriesUids.toArray(String[]::new))
                .executeUpdate();
        em.createNativeQuery("delete from imaging.study s where s.study_uid = any(cast(?1 as text[]))"
                        + " and not exists (select 1 from imaging.series r where r.study_uid = s.study_uid)")
                .setParameter(1, studyUids.toArray(String[]::new))
                .executeUpdate();
    }

    private static <T> List<T> sorted(List<T> rows, Function<T, String> key) {
        return rows.stream().sorted(java.util.Comparator.comparing(key)).toList();
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static String text(Number n) {
        return n == null ? null : n.toString();
    }

    private static Set<String> uids(List<?> rows) {
        var result = new HashSet<String>();
        for (Object uid : rows) {
            result.add((String) uid);
        }
        return result;
    }
}
