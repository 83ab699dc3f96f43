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
    private final ImagingPolicy policy;
    private final ImagingAudit audit;
    private final InstanceStorage storage;

    public StudyRetrieve(StudyIndex index, ImagingPolicy policy, ImagingAudit audit, InstanceStorage storage) {
        this.index = index;
        this.policy = policy;
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

    /**
     * Records the read with the study's patient, or the refusal with the requested UID and the caller only: a refusal
     * (another hospital's study or an unknown UID alike) never copies the study's data into a record that the caller's
     * hospital can read.
     */
    private void allow(Actor actor, String studyUid, String purpose) {
        if (!policy.canRead(actor, studyUid)) {
            audit.record(
                    AuditEntry.of(AuditAction.READ, "ImagingStudy", studyUid)
                            .outcome(AuditOutcome.DENIED)
                            .detail(purpose),
                    actor);
            throw notFound(studyUid, null, null);
        }
        audit.record(
                AuditEntry.of(AuditAction.READ, "ImagingStudy", studyUid)
                        .patient(index.patientId(studyUid).orElse(null))
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
