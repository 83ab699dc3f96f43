package vn.teleconsult.imaging.dicom;

/**
 * The bytes given are not a DICOM instance the store can accept; the message says why, without patient data. When the
 * SOP Class and Instance UIDs could still be read (file meta or data set), they are carried for the failure report.
 */
public class InvalidDicom extends Exception {

    private String sopClassUid;
    private String sopInstanceUid;

    public InvalidDicom(String message) {
        super(message);
    }

    public InvalidDicom(String message, Throwable cause) {
        super(message, cause);
    }

    /** The SOP Class UID read from the refused file, or null. */
    public String sopClassUid() {
        return sopClassUid;
    }

    /** The SOP Instance UID read from the refused file, or null. */
    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    /** Names the refused instance; values that are not valid UIDs are left out. */
    public InvalidDicom identified(String sopClassUid, String sopInstanceUid) {
        this.sopClassUid = DicomUids.isValid(sopClassUid) ? sopClassUid : null;
        this.sopInstanceUid = DicomUids.isValid(sopInstanceUid) ? sopInstanceUid : null;
        return this;
    }
}
