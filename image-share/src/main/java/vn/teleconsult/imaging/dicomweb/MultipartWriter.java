package vn.teleconsult.imaging.dicomweb;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.imaging.service.StoredFile;

/** Streams files or byte arrays as a multipart/related response body, one part each. */
final class MultipartWriter {

    // large writes: each write to the response becomes one chunk handed to the network layer
    private static final int COPY_BUFFER = 1 << 20;

    private MultipartWriter() {}

    static Response files(List<StoredFile> files) {
        String boundary = UUID.randomUUID().toString();
        StreamingOutput body = out -> {
            byte[] buffer = new byte[COPY_BUFFER];
            for (StoredFile f : files) {
                header(out, boundary, "application/dicom; transfer-syntax=" + f.transferSyntax());
                try (var in = Files.newInputStream(f.file())) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        out.write(buffer, 0, n);
                    }
                }
            }
            close(out, boundary);
        };
        return Response.ok(body)
                .type("multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .build();
    }

    static Response bytes(List<byte[]> parts, String type) {
        String boundary = UUID.randomUUID().toString();
        StreamingOutput body = out -> {
            for (byte[] part : parts) {
                header(out, boundary, type);
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
