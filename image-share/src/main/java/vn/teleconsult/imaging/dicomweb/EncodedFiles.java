package vn.teleconsult.imaging.dicomweb;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.imaging.dicom.InvalidDicom;
import vn.teleconsult.imaging.service.InstanceEncoding;
import vn.teleconsult.imaging.service.InstanceEncoding.Planned;

/**
 * A WADO-RS body of instances some of which are transcoded: written one instance at a time as it is encoded (no length
 * known in advance), each part naming the transfer syntax it is really in. A part that fails to encode cuts the
 * response off rather than send something that is not what its header says.
 */
final class EncodedFiles implements StreamingOutput {

    private final List<Planned> parts;
    private final InstanceEncoding encoding;
    private final String boundary = UUID.randomUUID().toString();

    EncodedFiles(List<Planned> parts, InstanceEncoding encoding) {
        this.parts = parts;
        this.encoding = encoding;
    }

    String contentType() {
        return "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        for (Planned p : parts) {
            out.write(ascii("\r\n--" + boundary + "\r\nContent-Type: application/dicom; transfer-syntax=" + p.target()
                    + "\r\n\r\n"));
            try {
                encoding.write(p.file(), p.target(), true, out);
            } catch (InvalidDicom e) {
                throw new IOException("instance " + p.file().sopInstanceUid() + " could not be encoded", e);
            }
        }
        out.write(ascii("\r\n--" + boundary + "--\r\n"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
