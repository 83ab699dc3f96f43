package vn.teleconsult.platform.text;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * Refuses, before any resource sees them, a path or query string whose percent-encoded bytes are not well-formed UTF-8
 * or hold control characters: the same rules as for JSON text ({@link TextRules}). Bodies are not read here.
 */
public class RequestText {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        var uri = request.getUriInfo().getRequestUri();
        check("path", uri.getRawPath());
        check("query", uri.getRawQuery());
    }

    private static void check(String part, String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        byte[] bytes = percentDecoded(raw);
        var utf8 = new Utf8Check();
        try {
            utf8.feed(bytes, 0, bytes.length);
            utf8.end();
        } catch (Utf8Check.MalformedText e) {
            throw ProblemException.badRequest(
                    "The " + part + " of the address is not valid UTF-8 once decoded (byte " + e.offset() + ").");
        }
        String problem = TextRules.problem(new String(bytes, StandardCharsets.UTF_8), false);
        if (problem != null) {
            throw ProblemException.badRequest("The " + part + " of the address " + problem + ".");
        }
    }

    /** The bytes a percent-encoded string stands for; a '%' without two hex digits stays as it is. */
    static byte[] percentDecoded(String raw) {
        return percentDecoded(raw.getBytes(StandardCharsets.UTF_8), 0, -1);
    }

    /** The bytes that percent-encoded bytes stand for, from {@code from} up to {@code to} (-1: the end). */
    static byte[] percentDecoded(byte[] raw, int from, int to) {
        int end = to < 0 ? raw.length : to;
        var out = new ByteArrayOutputStream(end - from);
        for (int i = from; i < end; i++) {
            int b = raw[i] & 0xFF;
            if (b == '%' && i + 2 < end && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) (b & 0xFF), 16);
    }
}
