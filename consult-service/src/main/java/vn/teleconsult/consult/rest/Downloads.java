package vn.teleconsult.consult.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes file names for Content-Disposition (RFC 6266 / RFC 8187). */
final class Downloads {

    private Downloads() {}

    static String encode(String fileName) {
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
