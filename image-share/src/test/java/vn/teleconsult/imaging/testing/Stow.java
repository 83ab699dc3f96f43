package vn.teleconsult.imaging.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds STOW-RS multipart/related bodies for tests. */
public final class Stow {

    public static final String BOUNDARY = "teleconsult-test-boundary";
    public static final String CONTENT_TYPE = "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;

    private Stow() {}

    /** Stores synthetic 8×8 CT instances (these instance numbers) of one study over STOW-RS as the token's user. */
    public static void instances(String token, TestDicom.Ids ids, int... instanceNumbers) throws Exception {
        var parts = new java.util.ArrayList<byte[]>();
        for (int n : instanceNumbers) {
            parts.add(TestDicom.ct(ids, vn.teleconsult.imaging.dicom.DicomUids.random(), n, 8, 8));
        }
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(token)
                .contentType(CONTENT_TYPE)
                .body(body(parts))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    public static byte[] body(List<byte[]> parts) {
        return body(parts, "application/dicom", true);
    }

    public static byte[] body(List<byte[]> parts, String partType, boolean close) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: " + partType + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(part);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (close) {
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
