package vn.teleconsult.imaging.dicom;

import java.util.regex.Pattern;

/** Checks that a string is a DICOM UID (digits and dots, at most 64 characters) before it names a file or a row. */
public final class DicomUids {

    private static final Pattern UID = Pattern.compile("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*$");

    private DicomUids() {}

    public static boolean isValid(String uid) {
        return uid != null
                && !uid.isEmpty()
                && uid.length() <= 64
                && UID.matcher(uid).matches();
    }

    /** A fresh UID under the UUID-derived root 2.25 (PS3.5 B.2). */
    public static String random() {
        var uuid = java.util.UUID.randomUUID();
        var value = new java.math.BigInteger(
                1,
                java.nio.ByteBuffer.allocate(16)
                        .putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits())
                        .array());
        return "2.25." + value;
    }
}
