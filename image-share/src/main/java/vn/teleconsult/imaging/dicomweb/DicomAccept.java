package vn.teleconsult.imaging.dicomweb;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import vn.teleconsult.imaging.dicom.TransferSyntaxes;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * Reads the transfer syntaxes a WADO-RS client accepts for application/dicom parts from its Accept header (PS3.18
 * 8.7.3): {@code transfer-syntax=*} or no media type stated takes instances as stored; an application/dicom range
 * without the parameter means the default, Explicit VR Little Endian.
 */
final class DicomAccept {

    private DicomAccept() {}

    /** The accepted transfer syntax UIDs, or null when any will do (as stored); 406 when nothing acceptable. */
    static Set<String> transferSyntaxes(String accept) {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        var accepted = new HashSet<String>();
        for (String range : accept.split(",")) {
            String r = range.trim().toLowerCase(Locale.ROOT);
            if (qualityZero(r)) {
                continue;
            }
            if (r.startsWith("*/*") || r.startsWith("multipart/*")) {
                return null;
            }
            if (!r.startsWith("multipart/related")) {
                continue;
            }
            String type = MultipartRelated.param(r, "type");
            if (type != null && !type.equals("application/dicom")) {
                continue;
            }
            if (type == null) {
                return null;
            }
            String ts = MultipartRelated.param(r, "transfer-syntax");
            if (ts == null) {
                accepted.add(TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
            } else if (ts.equals("*")) {
                return null;
            } else {
                accepted.add(ts);
            }
        }
        if (accepted.isEmpty()) {
            throw new ProblemException(
                    406,
                    "Not acceptable",
                    "Instances are served as multipart/related; type=\"application/dicom\", with a transfer-syntax"
                            + " parameter of * (as stored) or " + TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN + ".");
        }
        return accepted;
    }

    private static boolean qualityZero(String range) {
        String q = MultipartRelated.param(range, "q");
        if (q == null) {
            return false;
        }
        try {
            return Double.parseDouble(q) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
