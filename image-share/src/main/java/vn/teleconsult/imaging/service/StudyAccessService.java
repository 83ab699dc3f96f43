package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.teleconsult.imaging.api.StudyAccess;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.repository.StudyIndex;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * The consult workflow's grants on studies (the only way a user of another hospital comes to read a study; the rules
 * that read them are in {@link ImagingPolicy}). Every grant, and every refused one, is in the audit trail.
 */
@ApplicationScoped
public class StudyAccessService implements StudyAccess {

    /** Resource type of the audit entries of grants. */
    static final String GRANT = "ImagingStudyGrant";

    private final StudyIndex index;
    private final AuditTrail audit;

    public StudyAccessService(StudyIndex index, AuditTrail audit) {
        this.index = index;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void grant(String studyUid, UUID consultId, Set<UUID> userIds) {
        if (!DicomUids.isValid(studyUid)
                || consultId == null
                || userIds == null
                || userIds.stream().anyMatch(java.util.Objects::isNull)) {
            refused(studyUid, consultId, "invalid");
            throw ProblemException.badRequest("Give a DICOM UID (digits and dots, at most 64), a consult and users.");
        }
        grantAudited(studyUid, consultId, userIds, "consult");
    }

    /**
     * Grants the study to the users as members of the consult and records it with the change (or, for an unknown
     * study, records the refusal and answers 404).
     */
    void grantAudited(String studyUid, UUID consultId, Set<UUID> userIds, String via) {
        Optional<String> patient =
                index.owner(studyUid).map(owner -> index.patientId(studyUid).orElse(""));
        if (patient.isEmpty()) {
            refused(studyUid, consultId, via + " unknown-study");
            throw ProblemException.notFound("No study " + studyUid + " in the image store.");
        }
        for (UUID user : userIds) {
            index.grant(studyUid, consultId, user);
        }
        audit.recordInTransaction(AuditEntry.of(AuditAction.CREATE, GRANT, studyUid)
                .patient(patient.get().isEmpty() ? null : patient.get())
                .detail(via + " consult=" + consultId + " users=" + ids(userIds)));
    }

    @Override
    @Transactional
    public void revoke(String studyUid, UUID consultId) {
        if (!DicomUids.isValid(studyUid)) {
            throw ProblemException.badRequest("'" + studyUid + "' is not a DICOM UID (digits and dots, at most 64).");
        }
        int removed = index.revoke(studyUid, consultId);
        if (removed > 0) {
            audit.recordInTransaction(AuditEntry.of(AuditAction.DELETE, GRANT, studyUid)
                    .detail("consult=" + consultId + " grants=" + removed));
        }
    }

    @Override
    @Transactional
    public Optional<UUID> owner(String studyUid) {
        return DicomUids.isValid(studyUid) ? index.owner(studyUid) : Optional.empty();
    }

    /** A refused grant names the requested study and consult only, never data of the study's hospital. */
    private void refused(String studyUid, UUID consultId, String why) {
        audit.record(AuditEntry.of(AuditAction.CREATE, GRANT, DicomUids.isValid(studyUid) ? studyUid : null)
                .outcome(AuditOutcome.DENIED)
                .detail(why + " consult=" + consultId));
    }

    static String ids(Set<UUID> users) {
        return users.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }
}
