package vn.teleconsult.imaging.dicomweb;

import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestMulti;
import vn.teleconsult.imaging.service.StoredFile;

/** Streams files or byte arrays as a multipart/related response body, one part each. */
final class MultipartWriter {

    // large writes: each write to the response becomes one chunk handed to the network layer
    private static final int COPY_BUFFER = 1 << 20;
    private static final OpenOptions READ =
            new OpenOptions().setRead(true).setWrite(false).setCreate(false);

    private MultipartWriter() {}

    /**
     * Streams the files without copying them through a servlet-style output stream: each file is read by Vert.x in
     * 1 MiB buffers and each buffer is one write to the connection (an output stream would cut it into 8 KiB writes).
     */
    static RestMulti<Buffer> files(Vertx vertx, List<StoredFile> files) {
        String boundary = UUID.randomUUID().toString();
        var parts = new ArrayList<Multi<Buffer>>();
        for (StoredFile f : files) {
            byte[] header = header(boundary, "application/dicom; transfer-syntax=" + f.transferSyntax());
            parts.add(Multi.createFrom().item(() -> Buffer.buffer(header)));
            parts.add(Multi.createFrom()
                    .uni(vertx.fileSystem().open(f.file().toString(), READ))
                    .onItem()
                    .transformToMultiAndConcatenate(file -> file.setReadBufferSize(COPY_BUFFER)
                            .toMulti()
                            .onTermination()
                            .call(file::close))
                    .map(io.vertx.mutiny.core.buffer.Buffer::getDelegate));
        }
        parts.add(Multi.createFrom()
                .item(() -> Buffer.buffer(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII))));
        return RestMulti.fromMultiData(Multi.createBy().concatenating().streams(parts))
                .status(200)
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .build();
    }

    private static byte[] header(String boundary, String type) {
        return ("\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
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
