package vn.teleconsult.imaging.dicomweb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.storage.FileSystemStorage;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;

/** Bad STOW-RS input gets a clear 4xx, stores nothing, leaves no temporary file, and the server keeps serving. */
@QuarkusTest
class StowBadInputTest {

    private static final int CANNOT_UNDERSTAND = 0xC000;

    @Inject
    Tokens tokens;

    @Inject
    FileSystemStorage storage;

    @TestHTTPResource("/")
    URL root;

    private final String token() {
        return tokens.doctorOf(hospital);
    }

    private final UUID hospital = UUID.randomUUID();

    @AfterEach
    void shouldLeaveNoTemporaryFilesAndKeepServing() throws Exception {
        try (var files = Files.list(storage.root().resolve("tmp"))) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "temporary files left behind");
        }
        var ids = Ids.fresh();
        given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(ids, DicomUids.random(), 1, 8, 8))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    private void refusedPart(byte[] part, int reason) {
        given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(part)))
                .post("/dicom-web/studies")
                .then()
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(reason));
    }

    private void nothingStoredFor(Ids ids) {
        given().auth()
                .oauth2(token())
                .queryParam("PatientID", ids.patientId())
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void shouldRefuseANonDicomBody() {
        refusedPart("just some text, not DICOM".repeat(20).getBytes(StandardCharsets.UTF_8), CANNOT_UNDERSTAND);
    }

    @Test
    void shouldRefuseTruncatedFiles() throws Exception {
        refusedPart(Files.readAllBytes(TestDicom.TEST_FILES.resolve("MR_truncated.dcm")), CANNOT_UNDERSTAND);
        var ids = Ids.fresh();
        byte[] whole = TestDicom.ct(ids, DicomUids.random(), 1, 64, 64);
        refusedPart(Arrays.copyOf(whole, whole.length - 1000), CANNOT_UNDERSTAND);
        nothingStoredFor(ids);
    }

    @Test
    void shouldRefuseAWrongContentType() {
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{}")
                .post("/dicom-web/studies")
                .then()
                .statusCode(415);
        given().auth()
                .oauth2(token())
                .contentType("multipart/related; type=\"application/dicom+json\"; boundary=x")
                .body("--x--".getBytes(StandardCharsets.US_ASCII))
                .post("/dicom-web/studies")
                .then()
                .statusCode(415);
        given().auth()
                .oauth2(token())
                .contentType("multipart/related; type=\"application/dicom\"")
                .body("--x--".getBytes(StandardCharsets.US_ASCII))
                .post("/dicom-web/studies")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldStoreNothingFromABodyCutOffMidPart() throws Exception {
        var ids = Ids.fresh();
        byte[] body = Stow.body(List.of(
                TestDicom.ct(ids, DicomUids.random(), 1, 32, 32), TestDicom.ct(ids, DicomUids.random(), 2, 32, 32)));
        byte[] cut = Arrays.copyOf(body, body.length - 1500);
        given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .body(cut)
                .post("/dicom-web/studies")
                .then()
                .statusCode(400);
        nothingStoredFor(ids);
    }

    @Test
    void shouldRefuseAnOversizedInstance() throws Exception {
        var ids = Ids.fresh();
        // 2048 x 2048 x 2 bytes = 8 MiB, over the test limit of 8,000,000 bytes per instance
        byte[] big = TestDicom.ct(ids, DicomUids.random(), 1, 2048, 2048);
        given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(big)))
                .post("/dicom-web/studies")
                .then()
                .statusCode(413);
        nothingStoredFor(ids);
    }

    @Test
    void shouldRefuseADeclaredLengthOfFourGigabytesAtOnce() throws Exception {
        try (var socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST /dicom-web/studies HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                    + "\r\nContent-Type: " + Stow.CONTENT_TYPE + "\r\nContent-Length: 4294967296\r\n\r\n--"
                    + Stow.BOUNDARY + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }
    }

    @Test
    void shouldRefuseUidsThatAreNotUids() throws Exception {
        given().auth()
                .oauth2(token())
                .get("/dicom-web/studies/1.2.abc/series")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token())
                .get("/dicom-web/studies/..%2F..%2Fetc/metadata")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token())
                .get("/dicom-web/studies/1.2.3/series/..%2F..%2Fpasswd")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(Ids.fresh(), DicomUids.random(), 1, 8, 8))))
                .post("/dicom-web/studies/1.2.3..4")
                .then()
                .statusCode(400);
        var ids = Ids.fresh();
        var list = TestDicom.ctHeader(ids, "../../../../tmp/evil", 1, 0, 0);
        list.remove(TagFromName.Rows);
        list.remove(TagFromName.Columns);
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "T");
        refusedPart(TestDicom.write(list, TransferSyntax.ExplicitVRLittleEndian), CANNOT_UNDERSTAND);
        assertTrue(Files.notExists(Path.of("/tmp/evil.dcm")));
        try (var all = Files.walk(storage.root())) {
            assertTrue(all.noneMatch(p -> p.toString().contains("evil")));
        }
    }

    @Test
    void shouldRefuseADeflateBombWithoutInflatingIt() throws Exception {
        var ids = Ids.fresh();
        var list = TestDicom.ctHeader(ids, DicomUids.random(), 1, 8, 8);
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(
                list, TransferSyntax.DeflatedExplicitVRLittleEndian, "T");
        var meta = new ByteArrayOutputStream();
        var metaOnly = new com.pixelmed.dicom.AttributeList();
        for (var attribute : list.values()) {
            if (attribute.getTag().getGroup() == 0x0002) {
                metaOnly.put(attribute);
            }
        }
        metaOnly.write(meta, TransferSyntax.ExplicitVRLittleEndian, true, true);
        var bomb = new ByteArrayOutputStream();
        bomb.writeBytes(meta.toByteArray());
        try (var deflate = new DeflaterOutputStream(bomb, new Deflater(9, true))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) { // 1 GiB of zeros inflated, about 1 MB deflated
                deflate.write(zeros);
            }
        }
        refusedPart(bomb.toByteArray(), CANNOT_UNDERSTAND);
        nothingStoredFor(ids);
    }

    @Test
    void shouldRefuseAGzipEncodedBody() throws Exception {
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(Stow.body(List.of(TestDicom.ct(Ids.fresh(), DicomUids.random(), 1, 8, 8))));
        }
        int status = given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .header("Content-Encoding", "gzip")
                .body(gz.toByteArray())
                .post("/dicom-web/studies")
                .then()
                .extract()
                .statusCode();
        assertTrue(status == 400 || status == 415, "status " + status);
    }

    @Test
    void shouldRefuseRowsColumnsAndFramesThatOverflow() throws Exception {
        var ids = Ids.fresh();
        var list = TestDicom.ctHeader(ids, DicomUids.random(), 1, 65535, 65535);
        TestDicom.set(list, TagFromName.NumberOfFrames, "2147483647");
        var pixels = new com.pixelmed.dicom.OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(new short[64]);
        list.put(pixels);
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "T");
        refusedPart(TestDicom.write(list, TransferSyntax.ExplicitVRLittleEndian), CANNOT_UNDERSTAND);
        nothingStoredFor(ids);
    }

    @Test
    void shouldRefuseSequencesNestedThousandsDeep() throws Exception {
        var ids = Ids.fresh();
        var list = TestDicom.ctHeader(ids, DicomUids.random(), 1, 0, 0);
        list.remove(TagFromName.Rows);
        list.remove(TagFromName.Columns);
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "T");
        var out = new ByteArrayOutputStream();
        out.writeBytes(TestDicom.write(list, TransferSyntax.ExplicitVRLittleEndian));
        int depth = 20_000;
        for (int i = 0; i < depth; i++) {
            out.writeBytes(element(0x0040, 0xA730, "SQ"));
            out.writeBytes(item(0xE000));
        }
        for (int i = 0; i < depth; i++) {
            out.writeBytes(item(0xE00D));
            out.writeBytes(item(0xE0DD));
        }
        refusedPart(out.toByteArray(), CANNOT_UNDERSTAND);
        nothingStoredFor(ids);
    }

    @Test
    void shouldRefuseAnInstanceOfAnotherStudyThanThePath() throws Exception {
        given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(Ids.fresh(), DicomUids.random(), 1, 8, 8))))
                .post("/dicom-web/studies/" + DicomUids.random())
                .then()
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xA900));
    }

    private static byte[] element(int group, int element, String vr) {
        var b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 0).putInt(-1);
        return b.array();
    }

    private static byte[] item(int element) {
        var b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0xFFFE).putShort((short) element).putInt(element == 0xE000 ? -1 : 0);
        return b.array();
    }
}
