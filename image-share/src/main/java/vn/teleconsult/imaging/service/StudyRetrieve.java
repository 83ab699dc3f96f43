package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.teleconsult.imaging.repository.StudyIndex;
import vn.teleconsult.imaging.repository.StudyIndex.InstanceRow;
import vn.teleconsult.imaging.storage.InstanceStorage;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/**
 * Hands out stored instances and their metadata to callers allowed to see the study (WADO-RS, C-MOVE, C-GET, review
 * sessions), and records each retrieval in the audit trail.
 */
@ApplicationScoped
public class StudyRetrieve {

    private final StudyIndex index;
    private final StudyAccessService access;
    private final ImagingAudit audit;
    private final InstanceStorage storage;

    public StudyRetrieve(StudyIndex index, StudyAccessService access, ImagingAudit audit, InstanceStorage storage) {
        this.index = index;
        this.access = access;
        this.audit = audit;
        this.storage = storage;
    }

    /** The files of the selection, for sending as they are stored. */
    @Transactional
    public List<StoredFile> files(
            Actor actor, String studyUid, String seriesUid, String sopInstanceUid, String purpose) {
        return instances(actor, studyUid, seriesUid, sopInstanceUid, purpose).stream()
                .map(r -> StoredFile.of(r, storage))
                .toList();
    }

    /** The instances selected (series and instance UIDs may be null); 404 when none or not allowed. */
    @Transactional
    public List<InstanceRow> instances(
            Actor actor, String studyUid, String seriesUid, String sopInstanceUid, String purpose) {
        allow(actor, studyUid, purpose);
        var rows = index.instances(studyUid, seriesUid, sopInstanceUid);
        if (rows.isEmpty()) {
            throw notFound(studyUid, seriesUid, sopInstanceUid);
        }
        return rows;
    }

    /** The DICOM JSON metadata of the selection, as one JSON array. */
    @Transactional
    public String metadata(Actor actor, String studyUid, String seriesUid, String sopInstanceUid) {
        allow(actor, studyUid, "metadata");
        String json = index.metadata(studyUid, seriesUid, sopInstanceUid);
        if ("[]".equals(json)) {
            throw notFound(studyUid, seriesUid, sopInstanceUid);
        }
        return json;
    }

    private void allow(Actor actor, String studyUid, String purpose) {
        String patient = index.patientId(studyUid).orElse(null);
        if (!access.canRead(actor, studyUid)) {
            if (patient != null) {
                audit.record(
                        AuditEntry.of(AuditAction.READ, "ImagingStudy", studyUid)
                                .patient(patient)
                                .outcome(AuditOutcome.DENIED)
                                .detail(purpose),
                        actor);
            }
            throw notFound(studyUid, null, null);
        }
        audit.record(
                AuditEntry.of(AuditAction.READ, "ImagingStudy", studyUid)
                        .patient(patient)
                        .detail(purpose),
                actor);
    }

    private static ProblemException notFound(String studyUid, String seriesUid, String sopInstanceUid) {
        String what = sopInstanceUid != null
                ? "instance " + sopInstanceUid
                : seriesUid != null ? "series " + seriesUid : "study " + studyUid;
        return ProblemException.notFound("No " + what + " that you may see.");
    }
}
