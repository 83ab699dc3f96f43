package vn.teleconsult.imaging.dicom;

/** The bytes given are not a DICOM instance the store can accept; the message says why, without patient data. */
public class InvalidDicom extends Exception {

    public InvalidDicom(String message) {
        super(message);
    }

    public InvalidDicom(String message, Throwable cause) {
        super(message, cause);
    }
}
