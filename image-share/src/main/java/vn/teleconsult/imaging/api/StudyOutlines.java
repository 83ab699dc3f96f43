package vn.teleconsult.imaging.api;

import java.util.Optional;
import vn.teleconsult.platform.security.Actor;

/**
 * The outline of a stored study (its series and instances, without pixel data or patient data), for other modules'
 * views of it such as FHIR ImagingStudy. The caller audits its own read; this only applies the study access rules.
 */
public interface StudyOutlines {

    /** Path of the DICOMweb service (PS3.18) under the server's base URL. */
    String DICOMWEB_PATH = "/dicom-web";

    /** FHIR Endpoint id of the WADO-RS service that retrieves the studies. */
    String WADO_RS_ENDPOINT = "dicom-wado-rs";

    /** The study if it is stored and the actor may read it (as with QIDO-RS); empty otherwise. */
    Optional<StudyOutline> outline(Actor actor, String studyUid);
}
