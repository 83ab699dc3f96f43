package vn.teleconsult.imaging.dicomweb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.security.Role;

/**
 * STOW-RS requests of many instances stored in batches: more one-instance studies than one batch holds, each part of
 * a mixed request judged on its own, and one instance the database refuses failing alone.
 */
@QuarkusTest
class StowBatchTest {

    @Inject
    Tokens tokens;

    @Inject
    AgroalDataSource db;

    private final UUID hospital = UUID.randomUUID();

    @Test
    void shouldStoreMoreOneInstanceStudiesThanOneBatchHoldsAndAuditEachStudy() throws Exception {
        UUID user = UUID.randomUUID();
        String token = tokens.user(user, Role.COORDINATOR, hospital);
        String patient = "B" + System.nanoTime();
        var parts = new ArrayList<byte[]>();
        for (int i = 0; i < 130; i++) {
            var ids = new Ids(patient, DicomUids.random(), DicomUids.random());
            parts.add(TestDicom.ct(ids, DicomUids.random(), 1, 8, 8));
        }

        var response = stow(token, parts, 200);
        assertEquals(130, response.getList("'00081199'.Value").size());
        given().auth()
                .oauth2(token)
                .queryParam("PatientID", patient)
                .queryParam("limit", "500")
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(130));
        assertEquals(
                130,
                count("select count(*) from audit.audit_event where actor_id = '" + user
                        + "' and action = 'CREATE' and resource_type = 'ImagingStudy' and outcome = 'SUCCESS'"));
    }

    @Test
    void shouldJudgeEachPartOfAMixedRequestOnItsOwnAndLeaveNothingOfTheRefused() throws Exception {
        String token = tokens.doctorOf(hospital);
        var elsewhere = Ids.fresh();
        stow(tokens.doctorOf(UUID.randomUUID()), List.of(TestDicom.ct(elsewhere, DicomUids.random(), 1, 8, 8)), 200);
        var ours = Ids.fresh();
        stow(token, List.of(TestDicom.ct(ours, DicomUids.random(), 1, 8, 8)), 200);

        var fresh = Ids.fresh();
        var otherFresh = Ids.fresh();
        var misplaced = new Ids(ours.patientId(), DicomUids.random(), ours.seriesUid()); // our series, a new study
        String[] sops = {DicomUids.random(), DicomUids.random(), DicomUids.random(), DicomUids.random()};
        byte[] good = TestDicom.ct(fresh, sops[0], 1, 8, 8);
        var response = stow(
                token,
                List.of(
                        good,
                        TestDicom.ct(elsewhere, sops[1], 2, 8, 8),
                        TestDicom.ct(misplaced, sops[2], 2, 8, 8),
                        good,
                        TestDicom.ct(otherFresh, sops[3], 1, 8, 8)),
                202);

        Map<String, Integer> failed = new HashMap<>();
        for (Map<String, Object> item : response.<Map<String, Object>>getList("'00081198'.Value")) {
            failed.put(value(item, "00081155"), Integer.valueOf(value(item, "00081197")));
        }
        assertEquals(Map.of(sops[1], 0x0124, sops[2], 0xA900), failed);
        List<Map<String, Object>> stored = response.getList("'00081199'.Value");
        assertEquals(
                List.of(sops[0], sops[0], sops[3]),
                stored.stream().map(item -> value(item, "00081155")).toList());
        assertEquals(0, count("select count(*) from imaging.study where study_uid = '" + misplaced.studyUid() + "'"));
        assertEquals(1, count("select count(*) from imaging.instance where study_uid = '" + fresh.studyUid() + "'"));
        assertEquals(
                1, count("select count(*) from imaging.instance where study_uid = '" + elsewhere.studyUid() + "'"));
    }

    @Test
    void shouldStoreTheOthersWhenTheDatabaseRefusesOneInstanceOfABatch() throws Exception {
        String token = tokens.doctorOf(hospital);
        var parts = new ArrayList<byte[]>();
        var studies = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var ids = Ids.fresh();
            studies.add(ids.studyUid());
            parts.add(TestDicom.ct(ids, DicomUids.random(), 1, 8, 8));
        }
        // a NUL inside a patient ID: a valid DICOM file whose index row PostgreSQL text cannot hold
        var bad = Ids.fresh();
        var list = TestDicom.ctHeader(bad, DicomUids.random(), 1, 8, 8);
        TestDicom.set(list, TagFromName.PatientID, "BAD\u0000ID");
        var pixels = new com.pixelmed.dicom.OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(new short[64]);
        list.put(pixels);
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(
                list, TransferSyntax.ExplicitVRLittleEndian, "TESTS");
        parts.add(2, TestDicom.write(list, TransferSyntax.ExplicitVRLittleEndian));

        var response = stow(token, parts, 202);

        assertEquals(5, response.getList("'00081199'.Value").size());
        assertEquals(0x0110, response.getInt("'00081198'.Value[0].'00081197'.Value[0]"));
        for (String study : studies) {
            assertEquals(1, count("select count(*) from imaging.instance where study_uid = '" + study + "'"));
        }
        assertEquals(0, count("select count(*) from imaging.study where study_uid = '" + bad.studyUid() + "'"));
    }

    private static JsonPath stow(String token, List<byte[]> parts, int status) {
        return given().auth()
                .oauth2(token)
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(parts))
                .post("/dicom-web/studies")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static String value(Map<String, Object> item, String tag) {
        return String.valueOf(((List<Object>) ((Map<String, Object>) item.get(tag)).get("Value")).get(0));
    }

    private long count(String sql) throws Exception {
        try (var c = db.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
