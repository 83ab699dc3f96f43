package vn.teleconsult.imaging.dicomweb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;

/** STOW-RS against callers that lie: a forged Host, another hospital's SOP Instance UID, control bytes in headers. */
@QuarkusTest
class StowTenantTest {

    private static final int DUPLICATE_SOP_INSTANCE = 0x0111;

    @Inject
    Tokens tokens;

    @Inject
    AgroalDataSource db;

    private final UUID hospital = UUID.randomUUID();

    @Test
    void shouldBuildRetrieveUrlsFromThePublicBaseUrlNotTheHostHeader() throws Exception {
        var ids = Ids.fresh();
        String token = tokens.doctorOf(hospital);
        given().auth()
                .oauth2(token)
                .header("Host", "evil.example")
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(ids, DicomUids.random(), 1, 8, 8))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body(
                        "'00081190'.Value[0]",
                        equalTo("https://images.teleconsult.test/dicom-web/studies/" + ids.studyUid()))
                .body("'00081199'.Value[0].'00081190'.Value[0]", startsWith("https://images.teleconsult.test/"))
                .body(not(containsString("evil.example")));
        given().auth()
                .oauth2(token)
                .header("Host", "evil.example")
                .get("/dicom-web/studies?StudyInstanceUID=" + ids.studyUid())
                .then()
                .statusCode(200)
                .body("[0].'00081190'.Value[0]", startsWith("https://images.teleconsult.test/dicom-web/studies/"))
                .body(not(containsString("evil.example")));
    }

    @Test
    void shouldRefuseAnotherHospitalsSopInstanceUidAndLeaveNoRow() throws Exception {
        var theirs = Ids.fresh();
        String sop = DicomUids.random();
        stowOne(tokens.doctorOf(UUID.randomUUID()), theirs, sop, 200);

        var mine = Ids.fresh();
        given().auth()
                .oauth2(tokens.doctorOf(hospital))
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(mine, sop, 1, 8, 8))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(409)
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(sop))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(DUPLICATE_SOP_INSTANCE))
                .body("'00081199'", equalTo(null));
        assertEquals(0, rows("select count(*) from imaging.study where study_uid = ?", mine.studyUid()));
        assertEquals(0, rows("select count(*) from imaging.series where series_uid = ?", mine.seriesUid()));
        assertEquals(1, rows("select count(*) from imaging.instance where sop_instance_uid = ?", sop));
    }

    @Test
    void shouldRefuseTheSameSopInstanceUidUnderAnotherStudyOfTheSameHospital() throws Exception {
        var first = Ids.fresh();
        String sop = DicomUids.random();
        String token = tokens.doctorOf(hospital);
        stowOne(token, first, sop, 200);
        stowOne(token, first, sop, 200); // a repeat of the same instance is idempotent
        var second = Ids.fresh();
        stowOne(token, second, sop, 409);
        assertEquals(0, rows("select count(*) from imaging.study where study_uid = ?", second.studyUid()));
    }

    @Test
    void shouldAnswer400ForControlCharactersInPartHeaders() throws Exception {
        var ids = Ids.fresh();
        byte[] dicom = TestDicom.ct(ids, DicomUids.random(), 1, 8, 8);
        for (String header : List.of(
                "Content-Disposition: attachment; filename=\"a\r\nb.dcm\"",
                "Content-Disposition: attachment; filename=\"a\rb.dcm\"",
                "Content-Disposition: attachment; filename=\"a\nb.dcm\"",
                "Content-Disposition: attachment; filename=\"a\u0000b.dcm\"",
                "Content-Location: x\u0000y",
                "X-\u0000: y")) {
            var body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + Stow.BOUNDARY + "\r\nContent-Type: application/dicom\r\n" + header + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(dicom);
            body.writeBytes(("\r\n--" + Stow.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            given().auth()
                    .oauth2(tokens.doctorOf(hospital))
                    .contentType(Stow.CONTENT_TYPE)
                    .body(body.toByteArray())
                    .post("/dicom-web/studies")
                    .then()
                    .statusCode(400)
                    .contentType(containsString("problem+json"));
        }
        assertEquals(0, rows("select count(*) from imaging.study where study_uid = ?", ids.studyUid()));
    }

    private static void stowOne(String token, Ids ids, String sop, int status) throws Exception {
        given().auth()
                .oauth2(token)
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(ids, sop, 1, 8, 8))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(status);
    }

    private long rows(String sql, String value) throws Exception {
        try (var c = db.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setString(1, value);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
