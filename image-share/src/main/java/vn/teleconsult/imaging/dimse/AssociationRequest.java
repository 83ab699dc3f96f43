package vn.teleconsult.imaging.dimse;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The first PDU of an association (A-ASSOCIATE-RQ, PS3.8 9.3.2), read before the toolkit sees the connection so that
 * unknown calling or called AE titles can be rejected; its bytes are replayed to the toolkit when accepted.
 */
record AssociationRequest(String calledAeTitle, String callingAeTitle, byte[] bytes) {

    private static final int MAX_PDU = 64 * 1024;

    static AssociationRequest read(InputStream in) throws IOException {
        var data = new DataInputStream(in);
        byte[] header = new byte[6];
        data.readFully(header);
        if (header[0] != 0x01) {
            throw new IOException("not an A-ASSOCIATE-RQ");
        }
        long length = ((header[2] & 0xFFL) << 24)
                | ((header[3] & 0xFF) << 16)
                | ((header[4] & 0xFF) << 8)
                | (header[5] & 0xFF);
        if (length < 68 || length > MAX_PDU) {
            throw new IOException("A-ASSOCIATE-RQ of unexpected length");
        }
        byte[] body = new byte[(int) length];
        data.readFully(body);
        var all = new ByteArrayOutputStream();
        all.writeBytes(header);
        all.writeBytes(body);
        return new AssociationRequest(
                new String(body, 4, 16, StandardCharsets.US_ASCII).trim(),
                new String(body, 20, 16, StandardCharsets.US_ASCII).trim(),
                all.toByteArray());
    }

    /** Sends A-ASSOCIATE-RJ: rejected-permanent by the service user, with the reason (3 calling, 7 called AE). */
    static void reject(OutputStream out, int reason) throws IOException {
        out.write(new byte[] {0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01, (byte) reason});
        out.flush();
    }
}
