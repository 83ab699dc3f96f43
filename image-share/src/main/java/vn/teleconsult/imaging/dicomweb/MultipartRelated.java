package vn.teleconsult.imaging.dicomweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart/related body part by part from a stream, copying each part's content to a sink without holding a
 * whole part in memory (RFC 2046 framing: CRLF "--" boundary).
 */
final class MultipartRelated {

    /** The body does not follow multipart framing: cut off, no boundary, headers too long. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** Thrown by a sink when a part is larger than allowed. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[256 * 1024];
    private int start;
    private int end;
    private boolean eof;
    private boolean finished;

    MultipartRelated(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    /** The boundary parameter of a Content-Type, or null. */
    static String param(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        for (String piece : contentType.split(";")) {
            int eq = piece.indexOf('=');
            if (eq > 0 && piece.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String value = piece.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    /** Skips the preamble up to the first boundary; false if the body has none. */
    boolean start() throws IOException, Malformed {
        // the first delimiter may come without the leading CRLF: pretend one was there
        fill(delimiter.length);
        if (end - start >= delimiter.length - 2 && startsWith(2)) {
            start += delimiter.length - 2;
        } else if (!skipPast()) {
            return false;
        }
        return afterDelimiter();
    }

    /** Headers of the next part (lower-case names), or null after the closing boundary. */
    Map<String, String> nextHeaders() throws IOException, Malformed {
        if (finished) {
            return null;
        }
        var headers = new LinkedHashMap<String, String>();
        int used = 0;
        while (true) {
            String line = readLine();
            used += line.length() + 2;
            if (used > MAX_HEADER_BYTES) {
                throw new Malformed("The headers of a part are too long.");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if (line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F)) {
                throw new Malformed("A part header holds a control character (a CR, LF or NUL inside a line).");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new Malformed("A part header is not 'Name: value'.");
            }
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
    }

    /** Copies the current part's content to {@code out}; then positions at the next part. */
    void copyPart(OutputStream out) throws IOException, Malformed {
        while (true) {
            int found = indexOf();
            if (found >= 0) {
                out.write(buffer, start, found - start);
                start = found + delimiter.length;
                afterDelimiter();
                return;
            }
            int safe = end - delimiter.length + 1;
            if (safe > start) {
                out.write(buffer, start, safe - start);
                start = safe;
            }
            if (eof) {
                throw new Malformed("The body ends inside a part (cut off before its closing boundary).");
            }
            fill(buffer.length);
        }
    }

    private boolean afterDelimiter() throws IOException, Malformed {
        fill(2);
        if (end - start >= 2 && buffer[start] == '-' && buffer[start + 1] == '-') {
            finished = true;
            return true;
        }
        // transport padding then CRLF
        String rest = readLine();
        if (!rest.isBlank()) {
            throw new Malformed("Unexpected text after a boundary.");
        }
        return true;
    }

    private boolean skipPast() throws IOException {
        while (true) {
            int found = indexOf();
            if (found >= 0) {
                start = found + delimiter.length;
                return true;
            }
            start = Math.max(start, end - delimiter.length + 1);
            if (eof) {
                return false;
            }
            fill(buffer.length);
        }
    }

    private String readLine() throws IOException, Malformed {
        var line = new StringBuilder();
        while (true) {
            if (start >= end) {
                fill(1);
                if (start >= end) {
                    throw new Malformed("The body ends inside part headers.");
                }
            }
            byte b = buffer[start++];
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xFF));
            if (line.length() > MAX_HEADER_BYTES) {
                throw new Malformed("A header line is too long.");
            }
        }
    }

    private boolean startsWith(int delimiterOffset) {
        for (int i = delimiterOffset; i < delimiter.length; i++) {
            if (buffer[start + i - delimiterOffset] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        outer:
        for (int i = start; i <= last; i++) {
            if (buffer[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads until at least {@code wanted} bytes are buffered or the stream ends. */
    private void fill(int wanted) throws IOException {
        if (start > 0 && (buffer.length - end) < wanted) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (!eof && end - start < wanted && end < buffer.length) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }
}
