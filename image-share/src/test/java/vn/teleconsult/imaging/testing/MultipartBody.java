package vn.teleconsult.imaging.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a multipart/related response body into its parts, strictly: anything malformed fails the test. */
public final class MultipartBody {

    private MultipartBody() {}

    /** One part: its header block (as text) and its content bytes. */
    public record Part(String headers, byte[] content) {}

    public static String boundary(String contentType) {
        String b = contentType.replaceAll(".*boundary=", "").replaceAll(";.*", "");
        return b.startsWith("\"") ? b.substring(1, b.length() - 1) : b;
    }

    public static List<Part> parts(byte[] body, String contentType) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary(contentType);
        var parts = new ArrayList<Part>();
        int at = text.indexOf(delimiter);
        if (at < 0) {
            throw new AssertionError("no boundary in the body");
        }
        while (true) {
            int lineEnd = at + delimiter.length();
            if (text.startsWith("--", lineEnd)) {
                return parts; // closing delimiter
            }
            if (!text.startsWith("\r\n", lineEnd)) {
                throw new AssertionError("a boundary line not followed by CRLF at " + lineEnd);
            }
            int headersEnd = text.indexOf("\r\n\r\n", lineEnd);
            int next = text.indexOf("\r\n" + delimiter, headersEnd + 4);
            if (headersEnd < 0 || next < 0) {
                throw new AssertionError("a part without end (body cut off?)");
            }
            parts.add(
                    new Part(text.substring(lineEnd + 2, headersEnd), Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + 2;
        }
    }
}
