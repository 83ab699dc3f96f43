package vn.teleconsult.imaging.dicomweb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.imaging.service.StoredFile;

/**
 * A WADO-RS response body of stored files, one multipart/related part each, with its exact length known before the
 * first byte is sent (so the response carries a Content-Length and the files can go out by {@code sendfile}).
 */
record MultipartFiles(String boundary, List<Part> parts, byte[] closing) {

    /** One stored file and the part header written before it. */
    record Part(Path file, long size, byte[] header) {}

    /**
     * Describes the files with the sizes the index recorded (what the response promises; a file found to differ when
     * it is opened cuts the response off instead of sending something else).
     */
    static MultipartFiles of(List<StoredFile> files) {
        String boundary = UUID.randomUUID().toString();
        var parts = new ArrayList<Part>(files.size());
        for (StoredFile f : files) {
            parts.add(new Part(
                    f.file(),
                    f.size(),
                    ascii("\r\n--" + boundary + "\r\nContent-Type: application/dicom; transfer-syntax="
                            + f.transferSyntax() + "\r\n\r\n")));
        }
        return new MultipartFiles(boundary, List.copyOf(parts), ascii("\r\n--" + boundary + "--\r\n"));
    }

    String contentType() {
        return "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
    }

    long contentLength() {
        long length = closing.length;
        for (Part p : parts) {
            length += p.header().length + p.size();
        }
        return length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
