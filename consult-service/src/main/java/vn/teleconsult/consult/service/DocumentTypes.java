package vn.teleconsult.consult.service;

import java.util.Arrays;
import java.util.Optional;

/** Recognises the document types a consult accepts by their first bytes (magic numbers), not by their name. */
public final class DocumentTypes {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private DocumentTypes() {}

    /** The media type the content really is, if it is one we accept. */
    public static Optional<String> sniff(byte[] head) {
        if (startsWith(head, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /** The declared type, normalised (parameters dropped, image/jpg read as image/jpeg). */
    public static String normalise(String declared) {
        if (declared == null) {
            return "";
        }
        String type = declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("image/jpg") || type.equals("image/pjpeg") ? JPEG : type;
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
    }
}
