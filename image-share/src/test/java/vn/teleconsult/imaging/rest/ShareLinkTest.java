package vn.teleconsult.imaging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.Commands;
import vn.teleconsult.imaging.testing.Pydicom;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.security.Role;

/** Share links open a de-identified copy of one study, read-only, until they expire or are revoked. */
@QuarkusTest
class ShareLinkTest {

    @Inject
    Tokens tokens;

    private final UUID hospital = UUID.randomUUID();

    @Test
    void shouldShareADeidentifiedCopyUntilRevoked() throws Exception {
        var ids = Ids.fresh();
        String sop = DicomUids.random();
        byte[] original = TestDicom.real("CT_small.dcm", ids, sop);
        given().auth()
                .oauth2(tokens.doctorOf(hospital))
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(original)))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        String coordinator = tokens.user(UUID.randomUUID(), Role.COORDINATOR, hospital);

        var link = given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("studyUid", ids.studyUid(), "readerName", "Dr. Outside Reader", "expiresInHours", 24))
                .post("/api/imaging/share-links")
                .then()
                .statusCode(201)
                .extract();
        String url = link.path("url");
        String copy = link.path("studyUid");
        assertNotEquals(ids.studyUid(), copy);

        given().get(url + "/metadata")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].'0020000D'.Value[0]", equalTo(copy))
                .body("[0].'00100020'.Value[0]", not(equalTo(ids.patientId())))
                .body("[0].'00120062'.Value[0]", equalTo("YES"));
        String newSop = given().get(url + "/metadata").then().extract().path("[0].'00080018'.Value[0]");
        assertNotEquals(sop, newSop);
        byte[] file = given().get(url + "/instances/" + newSop)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        // what we emit passes dciodvfy without new errors compared to the input
        Path in = TestDicom.temp(original);
        Path out = TestDicom.temp(file);
        assertTrue(Commands.dciodvfyNewErrors(in, out).isEmpty(), "dciodvfy: " + Commands.dciodvfyNewErrors(in, out));

        given().get(url.replace("/share/", "/share/x") + "/metadata").then().statusCode(404);
        given().auth()
                .oauth2(coordinator)
                .delete("/api/imaging/share-links/" + link.path("id"))
                .then()
                .statusCode(204);
        given().get(url + "/metadata").then().statusCode(404);
    }

    @Test
    void shouldShareAStudyOfCompressedImagesWithDatesShiftedOncePerCopy() throws Exception {
        var ids = Ids.fresh();
        var originals = new java.util.LinkedHashMap<String, byte[]>();
        for (String name : List.of("MR_small_RLE.dcm", "SC_rgb_jpeg_dcmtk.dcm", "JPEG2000.dcm", "CT_small.dcm")) {
            var series = new Ids(ids.patientId(), ids.studyUid(), DicomUids.random());
            originals.put(name, Pydicom.renamed(name, series, DicomUids.random()));
        }
        given().auth()
                .oauth2(tokens.doctorOf(hospital))
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.copyOf(originals.values())))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        String coordinator = tokens.user(UUID.randomUUID(), Role.COORDINATOR, hospital);
        String url = given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("studyUid", ids.studyUid(), "readerName", "Dr. Outside Reader", "expiresInHours", 24))
                .post("/api/imaging/share-links")
                .then()
                .statusCode(201)
                .extract()
                .path("url");

        List<Map<String, Object>> metadata = given().get(url + "/metadata")
                .then()
                .statusCode(200)
                .body("$", hasSize(4))
                .extract()
                .path("$");
        var shifts = new java.util.HashSet<Long>();
        for (var instance : metadata) {
            String codes = String.valueOf(((Map<?, ?>) instance.get("00120064")).get("Value"));
            assertTrue(codes.contains("113100") && codes.contains("113107"), codes);
            String sop = String.valueOf(((List<?>) ((Map<?, ?>) instance.get("00080018")).get("Value")).get(0));
            byte[] copy = given().get(url + "/instances/" + sop)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            String ts = transferSyntax(copy);
            byte[] original = null;
            for (byte[] o : originals.values()) {
                original = transferSyntax(o).equals(ts) ? o : original;
            }
            assertTrue(original != null, "the copy keeps its stored transfer syntax " + ts);
            shifts.add(java.time.temporal.ChronoUnit.DAYS.between(studyDate(original), studyDate(copy)));
            var newErrors = Commands.dciodvfyNewErrors(TestDicom.temp(original), TestDicom.temp(copy));
            assertTrue(newErrors.isEmpty(), "dciodvfy on the shared copy in " + ts + ": " + newErrors);
        }
        assertEquals(1, shifts.size(), "one shift per copy: " + shifts);
        assertTrue(!shifts.contains(0L), "dates are shifted");
    }

    private static java.time.LocalDate studyDate(byte[] file) throws Exception {
        var list = new com.pixelmed.dicom.AttributeList();
        list.read(TestDicom.temp(file).toString(), com.pixelmed.dicom.TagFromName.PixelData);
        return java.time.LocalDate.parse(
                com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(
                        list, com.pixelmed.dicom.TagFromName.StudyDate),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static String transferSyntax(byte[] file) throws Exception {
        var list = new com.pixelmed.dicom.AttributeList();
        list.read(TestDicom.temp(file).toString(), com.pixelmed.dicom.TagFromName.SOPClassUID);
        return com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(
                list, com.pixelmed.dicom.TagFromName.TransferSyntaxUID);
    }

    @Test
    void shouldRefuseBadRequestsOtherHospitalsAndOtherRoles() throws Exception {
        var ids = Ids.fresh();
        given().auth()
                .oauth2(tokens.doctorOf(hospital))
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(ids, DicomUids.random(), 1, 8, 8))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        String coordinator = tokens.user(UUID.randomUUID(), Role.COORDINATOR, hospital);
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body("{")
                .post("/api/imaging/share-links")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("studyUid", "../etc", "readerName", "R", "expiresInHours", 1))
                .post("/api/imaging/share-links")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("studyUid", ids.studyUid(), "readerName", "R", "expiresInHours", 100000))
                .post("/api/imaging/share-links")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(tokens.user(UUID.randomUUID(), Role.COORDINATOR, UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(Map.of("studyUid", ids.studyUid(), "readerName", "R", "expiresInHours", 1))
                .post("/api/imaging/share-links")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokens.doctorOf(hospital))
                .contentType(ContentType.JSON)
                .body(Map.of("studyUid", ids.studyUid(), "readerName", "R", "expiresInHours", 1))
                .post("/api/imaging/share-links")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(coordinator)
                .delete("/api/imaging/share-links/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
