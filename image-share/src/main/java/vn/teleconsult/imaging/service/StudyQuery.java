package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import vn.teleconsult.imaging.repository.StudyIndex;
import vn.teleconsult.imaging.repository.StudySearch;
import vn.teleconsult.imaging.repository.StudySearch.InstanceSummary;
import vn.teleconsult.imaging.repository.StudySearch.SeriesRow;
import vn.teleconsult.imaging.repository.StudySearch.StudyRow;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.security.Actor;

/**
 * Searches the studies, series and instances an actor may see (QIDO-RS and C-FIND). Each search is audited with the
 * patients and studies it returned: one entry per patient, naming that patient's studies (bounded, see
 * {@link #MAX_PATIENT_ENTRIES} and {@link #MAX_STUDIES_PER_ENTRY}); a search that matched nothing has one entry.
 */
@ApplicationScoped
public class StudyQuery {

    /** Most audit entries (patients) one search writes; a last entry counts the patients not listed. */
    static final int MAX_PATIENT_ENTRIES = 100;

    /** Most study UIDs named in one entry; the entry counts the others. */
    static final int MAX_STUDIES_PER_ENTRY = 20;

    static final String RESOURCE = "ImagingStudyQuery";

    private final StudySearch search;
    private final StudyIndex index;
    private final ImagingPolicy policy;
    private final ImagingAudit audit;

    public StudyQuery(StudySearch search, StudyIndex index, ImagingPolicy policy, ImagingAudit audit) {
        this.search = search;
        this.index = index;
        this.policy = policy;
        this.audit = audit;
    }

    @Transactional
    public List<StudyRow> studies(Actor actor, StudyFilter filter) {
        var rows = search.studies(filter, policy.viewer(actor));
        var patients = new LinkedHashMap<String, String>();
        rows.forEach(r -> patients.put(r.studyUid(), r.patientId() == null ? "" : r.patientId()));
        audited(actor, "studies", rows.size(), patients);
        return rows;
    }

    @Transactional
    public List<SeriesRow> series(Actor actor, StudyFilter filter) {
        var rows = search.series(filter, policy.viewer(actor));
        audited(
                actor,
                "series",
                rows.size(),
                patientsOf(rows.stream().map(SeriesRow::studyUid).toList()));
        return rows;
    }

    @Transactional
    public List<InstanceSummary> instances(Actor actor, StudyFilter filter) {
        var rows = search.instances(filter, policy.viewer(actor));
        audited(
                actor,
                "instances",
                rows.size(),
                patientsOf(rows.stream().map(InstanceSummary::studyUid).toList()));
        return rows;
    }

    private LinkedHashMap<String, String> patientsOf(List<String> studyUids) {
        var distinct = new LinkedHashSet<>(studyUids);
        var known = index.patientIds(distinct);
        var result = new LinkedHashMap<String, String>();
        distinct.forEach(uid -> result.put(uid, known.getOrDefault(uid, "")));
        return result;
    }

    /** One entry per patient among the matches (study UID to PatientID, in result order). */
    private void audited(Actor actor, String level, int matches, LinkedHashMap<String, String> patientOfStudy) {
        var studiesOfPatient = new LinkedHashMap<String, List<String>>();
        patientOfStudy.forEach((study, patient) -> studiesOfPatient
                .computeIfAbsent(patient, p -> new ArrayList<>())
                .add(study));
        var entries = new ArrayList<AuditEntry>();
        String summary = "level=" + level + " matches=" + matches + " patients=" + studiesOfPatient.size();
        for (var e : studiesOfPatient.entrySet()) {
            if (entries.size() == MAX_PATIENT_ENTRIES) {
                entries.add(AuditEntry.of(AuditAction.READ, RESOURCE, null)
                        .detail(summary + " patients-not-listed=" + (studiesOfPatient.size() - MAX_PATIENT_ENTRIES)));
                break;
            }
            List<String> studies = e.getValue();
            entries.add(AuditEntry.of(AuditAction.READ, RESOURCE, studies.size() == 1 ? studies.get(0) : null)
                    .patient(e.getKey().isEmpty() ? null : e.getKey())
                    .detail(summary + " studies=" + named(studies)));
        }
        if (entries.isEmpty()) {
            entries.add(AuditEntry.of(AuditAction.READ, RESOURCE, null).detail(summary));
        }
        audit.recordAll(entries, actor);
    }

    private static String named(List<String> studies) {
        String listed = String.join(",", studies.subList(0, Math.min(studies.size(), MAX_STUDIES_PER_ENTRY)));
        return studies.size() > MAX_STUDIES_PER_ENTRY
                ? listed + " +" + (studies.size() - MAX_STUDIES_PER_ENTRY) + " more"
                : listed;
    }
}
