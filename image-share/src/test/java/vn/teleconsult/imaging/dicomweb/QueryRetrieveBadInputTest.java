package vn.teleconsult.imaging.dicomweb;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;

/** QIDO-RS and WADO-RS refuse malformed parameters and unsupported media types with a clear 4xx. */
@QuarkusTest
class QueryRetrieveBadInputTest {

    @Inject
    Tokens tokens;

    private final UUID hospital = UUID.randomUUID();

    @Test
    void shouldRefuseMalformedQueryParameters() {
        String token = tokens.doctorOf(hospital);
        given().auth()
                .oauth2(token)
                .queryParam("StudyDate", "2026-01-01")
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("limit", "0")
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("limit", "100000")
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("offset", "-1")
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("PatientWeight", "80")
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("StudyInstanceUID", "1.2.x")
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("PatientID", "x".repeat(200))
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldRefuseMalformedRetrieveParametersAndUnsupportedTypes() throws Exception {
        String token = tokens.doctorOf(hospital);
        var ids = Ids.fresh();
        String sop = DicomUids.random();
        given().auth()
                .oauth2(token)
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(ids, sop, 1, 16, 16))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        String base = "/dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid() + "/instances/" + sop;
        given().auth().oauth2(token).get(base + "/frames/0").then().statusCode(400);
        given().auth().oauth2(token).get(base + "/frames/abc").then().statusCode(400);
        given().auth().oauth2(token).get(base + "/frames/2").then().statusCode(404);
        given().auth()
                .oauth2(token)
                .queryParam("window", "40")
                .get(base + "/rendered")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("window", "40,0")
                .get(base + "/rendered")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("viewport", "100000,100000")
                .get(base + "/rendered")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("quality", "101")
                .get(base + "/rendered")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .accept("image/gif")
                .get(base + "/rendered")
                .then()
                .statusCode(406);
        given().auth().oauth2(token).accept("application/zip").get(base).then().statusCode(406);
        given().auth()
                .oauth2(token)
                .get("/dicom-web/studies/" + DicomUids.random() + "/metadata")
                .then()
                .statusCode(404);
    }
}
