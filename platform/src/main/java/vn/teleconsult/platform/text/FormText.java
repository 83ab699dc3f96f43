package vn.teleconsult.platform.text;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * Checks a form body ({@code application/x-www-form-urlencoded}) before it is decoded: once percent-decoded it must be
 * well-formed UTF-8 without control characters, or the request is refused with 400 (the decoder would otherwise turn
 * bad bytes into U+FFFD silently). Only form bodies are read here; they are small.
 */
@Provider
public class FormText implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        check(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Each name and value between '&' and '=' on its own, so that a sequence cannot span two of them. */
    static void check(byte[] body) {
        int from = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&' || body[i] == '=') {
                checkPart(RequestText.percentDecoded(body, from, i));
                from = i + 1;
            }
        }
    }

    private static void checkPart(byte[] bytes) {
        var utf8 = new Utf8Check();
        try {
            utf8.feed(bytes, 0, bytes.length);
            utf8.end();
        } catch (Utf8Check.MalformedText e) {
            throw ProblemException.badRequest(
                    "The form is not valid UTF-8 once decoded: overlong forms, encoded surrogates and broken"
                            + " sequences are refused.");
        }
        String problem = TextRules.problem(new String(bytes, StandardCharsets.UTF_8), false);
        if (problem != null) {
            throw ProblemException.badRequest("A form field " + problem + ".");
        }
    }
}
