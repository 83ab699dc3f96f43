package vn.teleconsult.imaging.api;

import java.util.Set;
import java.util.UUID;

/**
 * Lets the consult workflow share a study with a consult's members and take it back; the image-share module checks
 * every DICOMweb and DIMSE access against these grants and the study's owning hospital.
 */
public interface StudyAccess {

    /** Grants read access to the study for these users as members of the consult (adds to earlier grants). */
    void grant(String studyUid, UUID consultId, Set<UUID> userIds);

    /** Removes every grant the consult gave on the study. */
    void revoke(String studyUid, UUID consultId);

    /** The hospital that owns the study, if the store has it. */
    java.util.Optional<UUID> owner(String studyUid);
}
