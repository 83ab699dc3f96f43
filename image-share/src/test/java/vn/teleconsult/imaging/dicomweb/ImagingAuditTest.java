package vn.teleconsult.imaging.dicomweb;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.AuditRows;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.security.Role;

/**
 * What the audit trail says about reads of images (issue 14, finding 5): refusals name only what was asked for and
 * who asked, never the other hospital's patient; searches name the patients and studies they returned.
 */
@QuarkusTest
class ImagingAuditTest {

    @Inject
    Tokens tokens;

    @Inject
    AgroalDataSource db;

    private final UUID hospital = UUID.randomUUID();

    @Test
    void shouldRecordARefusedRetrieveWithoutTheOtherHospitalsPatient() throws Exception {
        var ids = Ids.fresh();
        Stow.instances(tokens.doctorOf(hospital), ids, 1);
        UUID stranger = UUID.randomUUID();
        String token = tokens.user(stranger, Role.HUB_SPECIALIST, UUID.randomUUID());
        given().auth()
                .oauth2(token)
                .get("/dicom-web/studies/" + ids.studyUid() + "/metadata")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .get("/dicom-web/studies/" + ids.studyUid())
                .then()
                .statusCode(404);

        var rows = AuditRows.of(db, stranger.toString(), "ImagingStudy");
        assertEquals(2, rows.size(), rows.toString());
        for (var row : rows) {
            assertEquals("DENIED", row.outcome());
            assertEquals(ids.studyUid(), row.resourceId());
            assertNull(row.patientRef(), "a refusal must not name the other hospital's patient: " + row);
            assertFalse(row.all().contains(ids.patientId()), row.all());
        }
    }

    @Test
    void shouldRecordRefusalsOfUnknownStudiesLikeOtherRefusals() throws Exception {
        UUID caller = UUID.randomUUID();
        String unknown = DicomUids.random();
        given().auth()
                .oauth2(tokens.user(caller, Role.SATELLITE_DOCTOR, hospital))
                .get("/dicom-web/studies/" + unknown + "/metadata")
                .then()
                .statusCode(404);
        var rows = AuditRows.of(db, caller.toString(), "ImagingStudy");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("DENIED", rows.get(0).outcome());
        assertEquals(unknown, rows.get(0).resourceId());
    }

    @Test
    void shouldNameThePatientsAndStudiesAQidoSearchReturned() throws Exception {
        var first = Ids.fresh();
        var second = new Ids(first.patientId(), DicomUids.random(), DicomUids.random());
        var other = Ids.fresh();
        String uploader = tokens.doctorOf(hospital);
        Stow.instances(uploader, first, 1);
        Stow.instances(uploader, second, 1);
        Stow.instances(uploader, other, 1);
        UUID reader = UUID.randomUUID();
        String token = tokens.user(reader, Role.SATELLITE_DOCTOR, hospital);

        given().auth()
                .oauth2(token)
                .get("/dicom-web/studies?PatientID=" + first.patientId())
                .then()
                .statusCode(200);
        var rows = AuditRows.of(db, reader.toString(), "ImagingStudyQuery");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(first.patientId(), rows.get(0).patientRef());
        assertTrue(rows.get(0).detail().contains(first.studyUid()), rows.get(0).detail());
        assertTrue(rows.get(0).detail().contains(second.studyUid()), rows.get(0).detail());

        // a search over several patients: one entry per patient, each naming that patient's study
        given().auth()
                .oauth2(token)
                .get("/dicom-web/studies?StudyInstanceUID=" + first.studyUid() + "," + other.studyUid())
                .then()
                .statusCode(200);
        rows = AuditRows.of(db, reader.toString(), "ImagingStudyQuery");
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(
                List.of(first.patientId(), other.patientId()).stream().sorted().toList(),
                rows.subList(1, 3).stream()
                        .map(AuditRows.Row::patientRef)
                        .sorted()
                        .toList());

        // series and instances of a study name its patient and the study
        given().auth()
                .oauth2(token)
                .get("/dicom-web/studies/" + other.studyUid() + "/series")
                .then()
                .statusCode(200);
        rows = AuditRows.of(db, reader.toString(), "ImagingStudyQuery");
        assertEquals(other.patientId(), rows.get(3).patientRef());
        assertEquals(other.studyUid(), rows.get(3).resourceId());

        // a stranger's search finds nothing and names nobody
        UUID stranger = UUID.randomUUID();
        given().auth()
                .oauth2(tokens.user(stranger, Role.SATELLITE_DOCTOR, UUID.randomUUID()))
                .get("/dicom-web/studies?PatientID=" + first.patientId())
                .then()
                .statusCode(200);
        var strangers = AuditRows.of(db, stranger.toString(), "ImagingStudyQuery");
        assertEquals(1, strangers.size());
        assertNull(strangers.get(0).patientRef());
        assertFalse(strangers.get(0).all().contains(first.studyUid()));
    }
}
