package vn.teleconsult.imaging.dicomweb;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Streams byte arrays (rendered or extracted frames) as a multipart/related response body, one part each. */
final class MultipartWriter {

    static Response bytes(List<byte[]> parts, String type) {
        return bytes(parts, type, type);
    }

    /** As {@link #bytes(List, String)}, with each part's Content-Type (the type with its parameters) given apart. */
    static Response bytes(List<byte[]> parts, String type, String partType) {
        String boundary = UUID.randomUUID().toString();
        StreamingOutput body = out -> {
            for (byte[] part : parts) {
                header(out, boundary, partType);
                out.write(part);
            }
            close(out, boundary);
        };
        return Response.ok(body)
                .type("multipart/related; type=\"" + type + "\"; boundary=" + boundary)
                .build();
    }

    private static void header(OutputStream out, String boundary, String type) throws IOException {
        out.write(("\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void close(OutputStream out, String boundary) throws IOException {
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
