package vn.teleconsult.imaging.dicomweb;

import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.platform.problem.ProblemException;

/** Checks UIDs taken from DICOMweb paths before they reach the store (refuses '../' and other non-UIDs). */
final class DicomWebPaths {

    private DicomWebPaths() {}

    static String uid(String name, String value) {
        if (!DicomUids.isValid(value)) {
            String shown = value == null ? "" : value.length() > 70 ? value.substring(0, 70) + "…" : value;
            throw ProblemException.badRequest(
                    name + " '" + shown + "' is not a DICOM UID (digits and dots, at most 64 characters).");
        }
        return value;
    }
}
