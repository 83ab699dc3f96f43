package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.imaging.api.StudyAccess;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.repository.StudyIndex;
import vn.teleconsult.imaging.repository.StudySearch.Viewer;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/**
 * Who may see a study: clinical staff and system clients of the hospital that owns it, and the members of consults it
 * was shared into. DICOMweb, DIMSE and review sessions all ask here.
 */
@ApplicationScoped
public class StudyAccessService implements StudyAccess {

    private static final Set<Role> CLINICAL =
            Set.of(Role.COORDINATOR, Role.HUB_SPECIALIST, Role.SATELLITE_DOCTOR, Role.SYSTEM);

    private final StudyIndex index;

    public StudyAccessService(StudyIndex index) {
        this.index = index;
    }

    @Override
    @Transactional
    public void grant(String studyUid, UUID consultId, Set<UUID> userIds) {
        requireUid(studyUid);
        if (index.owner(studyUid).isEmpty()) {
            throw ProblemException.notFound("No study " + studyUid + " in the image store.");
        }
        for (UUID user : userIds) {
            index.grant(studyUid, consultId, user);
        }
    }

    @Override
    @Transactional
    public void revoke(String studyUid, UUID consultId) {
        requireUid(studyUid);
        index.revoke(studyUid, consultId);
    }

    @Override
    @Transactional
    public Optional<UUID> owner(String studyUid) {
        return DicomUids.isValid(studyUid) ? index.owner(studyUid) : Optional.empty();
    }

    /** Whether the actor may read the study (false for unknown studies). */
    @Transactional
    public boolean canRead(Actor actor, String studyUid) {
        Optional<UUID> owner = index.owner(studyUid);
        if (owner.isEmpty()) {
            return false;
        }
        if (actor.hospitalId() != null
                && actor.hospitalId().equals(owner.get())
                && actor.roles().stream().anyMatch(CLINICAL::contains)) {
            return true;
        }
        UUID user = userId(actor);
        return user != null && index.granted(studyUid, user);
    }

    /** The scope of studies an actor may list. */
    public Viewer viewer(Actor actor) {
        boolean clinical = actor.roles().stream().anyMatch(CLINICAL::contains);
        return new Viewer(clinical ? actor.hospitalId() : null, userId(actor));
    }

    private static UUID userId(Actor actor) {
        try {
            return UUID.fromString(actor.id());
        } catch (IllegalArgumentException systemClient) {
            return null;
        }
    }

    private static void requireUid(String uid) {
        if (!DicomUids.isValid(uid)) {
            throw ProblemException.badRequest("'" + uid + "' is not a DICOM UID (digits and dots, at most 64).");
        }
    }
}
