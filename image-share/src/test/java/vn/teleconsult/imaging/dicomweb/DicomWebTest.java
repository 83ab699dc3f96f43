package vn.teleconsult.imaging.dicomweb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.api.StudyAccess;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.security.Role;

/** STOW-RS, QIDO-RS and WADO-RS over HTTP with real DICOM files, with access rules. */
@QuarkusTest
class DicomWebTest {

    @Inject
    Tokens tokens;

    @Inject
    StudyAccess access;

    private final UUID hospital = UUID.randomUUID();

    private String stow(String token, byte[] body) {
        return given().auth()
                .oauth2(token)
                .contentType(Stow.CONTENT_TYPE)
                .body(body)
                .post("/dicom-web/studies")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void shouldStoreARealCtAndFindAndRetrieveIt() throws Exception {
        String token = tokens.doctorOf(hospital);
        var ids = Ids.fresh();
        String sop = DicomUids.random();
        byte[] file = TestDicom.real("CT_small.dcm", ids, sop);

        String response = stow(token, Stow.body(List.of(file)));
        assertTrue(response.contains("\"00081199\""), response);
        assertTrue(response.contains(sop), response);

        given().auth()
                .oauth2(token)
                .queryParam("PatientID", ids.patientId())
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].'0020000D'.Value[0]", equalTo(ids.studyUid()))
                .body("[0].'00080061'.Value[0]", equalTo("CT"))
                .body("[0].'00201208'.Value[0]", equalTo(1));
        given().auth()
                .oauth2(token)
                .get("/dicom-web/studies/" + ids.studyUid() + "/series")
                .then()
                .statusCode(200)
                .body("[0].'0020000E'.Value[0]", equalTo(ids.seriesUid()));
        given().auth()
                .oauth2(token)
                .queryParam("includefield", "00180050")
                .get("/dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid() + "/instances")
                .then()
                .statusCode(200)
                .body("[0].'00080018'.Value[0]", equalTo(sop))
                .body("[0].'00180050'.vr", equalTo("DS"));

        String base = "/dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid() + "/instances/" + sop;
        var retrieved = given().auth()
                .oauth2(token)
                .get(base)
                .then()
                .statusCode(200)
                .contentType(containsString("multipart/related"))
                .extract();
        byte[] parts = retrieved.asByteArray();
        String boundary = retrieved.contentType().replaceAll(".*boundary=", "");
        assertArrayEquals(file, onlyPart(parts, boundary));

        given().auth()
                .oauth2(token)
                .get(base + "/metadata")
                .then()
                .statusCode(200)
                .body("[0].'00080060'.Value[0]", equalTo("CT"))
                .body("[0].'7FE00010'", org.hamcrest.Matchers.nullValue());

        var frame = given().auth()
                .oauth2(token)
                .get(base + "/frames/1")
                .then()
                .statusCode(200)
                .extract();
        byte[] frameBytes = onlyPart(frame.asByteArray(), frame.contentType().replaceAll(".*boundary=", ""));
        assertEquals(128 * 128 * 2, frameBytes.length);

        byte[] jpeg = given().auth()
                .oauth2(token)
                .queryParam("window", "40,400")
                .get(base + "/rendered")
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        assertEquals(128, ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth());
        byte[] png = given().auth()
                .oauth2(token)
                .accept("image/png")
                .queryParam("viewport", "64,64")
                .get(base + "/thumbnail")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        assertEquals(64, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }

    /** PS3.18 10.6 also has the "all Series" and "all Instances" resources, and a thumbnail per frame. */
    @Test
    void shouldSearchAllSeriesAndAllInstancesAndServeFrameThumbnails() throws Exception {
        String token = tokens.doctorOf(hospital);
        var ids = Ids.fresh();
        String sop = DicomUids.random();
        stow(token, Stow.body(List.of(TestDicom.real("CT_small.dcm", ids, sop))));

        given().auth()
                .oauth2(token)
                .queryParam("PatientID", ids.patientId())
                .get("/dicom-web/series")
                .then()
                .statusCode(200)
                .contentType("application/dicom+json")
                .body("$", hasSize(1))
                .body("[0].'0020000D'.Value[0]", equalTo(ids.studyUid()))
                .body("[0].'0020000E'.Value[0]", equalTo(ids.seriesUid()))
                .body("[0].'00080060'.Value[0]", equalTo("CT"));
        given().auth()
                .oauth2(token)
                .queryParam("StudyInstanceUID", ids.studyUid())
                .get("/dicom-web/instances")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].'00080018'.Value[0]", equalTo(sop))
                .body("[0].'00081190'.Value[0]", containsString("/series/" + ids.seriesUid() + "/instances/" + sop));
        // another hospital's staff see none of it; a key that is not a QIDO key is a 400
        String other = tokens.doctorOf(UUID.randomUUID());
        given().auth()
                .oauth2(other)
                .queryParam("PatientID", ids.patientId())
                .get("/dicom-web/series")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(other)
                .queryParam("StudyInstanceUID", ids.studyUid())
                .get("/dicom-web/instances")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(token)
                .queryParam("NoSuchKey", "x")
                .get("/dicom-web/instances")
                .then()
                .statusCode(400);
        given().get("/dicom-web/series").then().statusCode(401);

        String frame = "/dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid() + "/instances/" + sop
                + "/frames/1/thumbnail";
        byte[] png = given().auth()
                .oauth2(token)
                .accept("image/png")
                .get(frame)
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        assertEquals(128, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        given().auth()
                .oauth2(token)
                .get(frame.replace("/frames/1/", "/frames/2/"))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .get(frame.replace("/frames/1/", "/frames/x/"))
                .then()
                .statusCode(400);
        given().auth().oauth2(other).get(frame).then().statusCode(404);
    }

    @Test
    void shouldStoreTheSameInstanceTwiceIdempotently() throws Exception {
        String token = tokens.doctorOf(hospital);
        var ids = Ids.fresh();
        byte[] body = Stow.body(List.of(TestDicom.ct(ids, DicomUids.random(), 1, 32, 32)));
        stow(token, body);
        stow(token, body);
        given().auth()
                .oauth2(token)
                .queryParam("PatientID", ids.patientId())
                .get("/dicom-web/studies")
                .then()
                .body("[0].'00201208'.Value[0]", equalTo(1));
    }

    @Test
    void shouldMatchPatientNameWildcardsDatesAndModality() throws Exception {
        String token = tokens.doctorOf(hospital);
        var ids = Ids.fresh();
        stow(token, Stow.body(List.of(TestDicom.ct(ids, DicomUids.random(), 1, 16, 16))));
        var q = given().auth().oauth2(token).queryParam("PatientID", ids.patientId());
        q.queryParam("PatientName", "test^pat*")
                .queryParam("StudyDate", "20260101-20260131")
                .queryParam("ModalitiesInStudy", "CT")
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        given().auth()
                .oauth2(token)
                .queryParam("PatientID", ids.patientId())
                .queryParam("StudyDate", "-20251231")
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(token)
                .queryParam("PatientID", ids.patientId())
                .queryParam("ModalitiesInStudy", "MR")
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(token)
                .queryParam("PatientName", "Te?t^Patient")
                .queryParam("limit", "1")
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void shouldNotShowAnotherHospitalsStudyUnlessGrantedThroughAConsult() throws Exception {
        var ids = Ids.fresh();
        String sop = DicomUids.random();
        stow(tokens.doctorOf(hospital), Stow.body(List.of(TestDicom.ct(ids, sop, 1, 16, 16))));
        UUID specialist = UUID.randomUUID();
        String other = tokens.user(specialist, Role.HUB_SPECIALIST, UUID.randomUUID());
        String instance = "/dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid() + "/instances/" + sop;

        given().auth()
                .oauth2(other)
                .queryParam("PatientID", ids.patientId())
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth().oauth2(other).get(instance).then().statusCode(404);
        given().auth().oauth2(other).get(instance + "/metadata").then().statusCode(404);

        UUID consult = UUID.randomUUID();
        access.grant(ids.studyUid(), consult, Set.of(specialist));
        given().auth()
                .oauth2(other)
                .queryParam("PatientID", ids.patientId())
                .get("/dicom-web/studies")
                .then()
                .body("$", hasSize(1));
        given().auth().oauth2(other).get(instance + "/metadata").then().statusCode(200);

        access.revoke(ids.studyUid(), consult);
        given().auth().oauth2(other).get(instance + "/metadata").then().statusCode(404);
    }

    @Test
    void shouldRefuseAnotherHospitalStoringIntoAStudyItDoesNotOwn() throws Exception {
        var ids = Ids.fresh();
        stow(tokens.doctorOf(hospital), Stow.body(List.of(TestDicom.ct(ids, DicomUids.random(), 1, 16, 16))));
        given().auth()
                .oauth2(tokens.doctorOf(UUID.randomUUID()))
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(ids, DicomUids.random(), 2, 16, 16))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0124));
    }

    @Test
    void shouldRefuseCallersWithoutTokenOrRole() throws Exception {
        given().get("/dicom-web/studies").then().statusCode(401);
        given().auth()
                .oauth2(tokens.user(UUID.randomUUID(), Role.PATIENT, null))
                .get("/dicom-web/studies")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokens.user(UUID.randomUUID(), Role.PATIENT, null))
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(Ids.fresh(), DicomUids.random(), 1, 8, 8))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(403);
    }

    static byte[] onlyPart(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n") + 4;
        int end = text.indexOf("\r\n--" + boundary, headerEnd);
        return java.util.Arrays.copyOfRange(body, headerEnd, end);
    }
}
