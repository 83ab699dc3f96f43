package vn.teleconsult.imaging.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.UUID;
import vn.teleconsult.imaging.dicom.Deidentifier;
import vn.teleconsult.imaging.dicom.InvalidDicom;
import vn.teleconsult.imaging.storage.InstanceStorage;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.security.Actor;

/**
 * Makes a de-identified copy of a study in the store (new UIDs, pseudonymous patient) for sharing outside the care
 * team, and keeps the UID mapping in a private table.
 */
@ApplicationScoped
public class StudyDeidentification {

    private final StudyRetrieve retrieve;
    private final Deidentifier deidentifier;
    private final InstanceStorage storage;
    private final StudyStore store;
    private final ImagingAudit audit;
    private final EntityManager em;

    public StudyDeidentification(
            StudyRetrieve retrieve,
            Deidentifier deidentifier,
            InstanceStorage storage,
            StudyStore store,
            ImagingAudit audit,
            EntityManager em) {
        this.retrieve = retrieve;
        this.deidentifier = deidentifier;
        this.storage = storage;
        this.store = store;
        this.audit = audit;
        this.em = em;
    }

    /** The UID of the de-identified copy, owned by the same hospital as the original. */
    public String copy(Actor actor, String studyUid, UUID ownerHospital, Deidentifier.Options options) {
        var files = retrieve.files(actor, studyUid, null, null, "deidentify");
        var copy = Deidentifier.Copy.start(options);
        var uids = copy.uids();
        String newStudy = null;
        for (StoredFile file : files) {
            try {
                var temp = storage.newTempFile();
                deidentifier.deidentify(file.file(), temp, copy);
                var result = store.store(temp, ownerHospital, null);
                if (!result.stored()) {
                    throw new IllegalStateException("de-identified copy refused: " + result.message());
                }
                newStudy = result.studyUid();
            } catch (InvalidDicom | IOException e) {
                throw new IllegalStateException("could not de-identify an instance", e);
            }
        }
        String deidStudy = newStudy;
        QuarkusTransaction.requiringNew()
                .run(() -> uids.forEach((original, deid) -> em.createNativeQuery(
                                "insert into imaging.deid_mapping (deid_uid, original_uid, deid_study) values (?1, ?2, ?3)")
                        .setParameter(1, deid)
                        .setParameter(2, original)
                        .setParameter(3, deidStudy)
                        .executeUpdate()));
        audit.record(
                AuditEntry.of(AuditAction.EXPORT, "ImagingStudy", studyUid).detail("deidentified-copy=" + deidStudy),
                actor);
        return deidStudy;
    }
}
