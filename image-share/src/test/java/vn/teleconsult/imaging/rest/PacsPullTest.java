package vn.teleconsult.imaging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.dimse.DimseServer;
import vn.teleconsult.imaging.service.DicomNodes;
import vn.teleconsult.imaging.service.DicomNodes.Kind;
import vn.teleconsult.imaging.testing.OrthancPacs;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;

/** Pulling a study from a real Orthanc acting as the hospital PACS: C-FIND to search it, C-GET to bring it in. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PacsPullTest {

    @Inject
    Tokens tokens;

    @Inject
    DicomNodes nodes;

    @Inject
    DimseServer server;

    private OrthancPacs pacs;
    private final UUID hospital = UUID.randomUUID();
    private String node;

    @BeforeAll
    void startPacs() throws Exception {
        pacs = new OrthancPacs(server.aeTitle(), server.port());
        node = nodes.register(
                        hospital,
                        OrthancPacs.AE_TITLE + hospital.toString().substring(0, 4),
                        pacs.host(),
                        OrthancPacs.DICOM_PORT,
                        Kind.REMOTE)
                .id()
                .toString();
    }

    @AfterAll
    void stopPacs() throws Exception {
        if (pacs != null) {
            pacs.close();
        }
    }

    @Test
    void shouldFindAStudyInThePacsAndBringItIn() throws Exception {
        var ids = Ids.fresh();
        Path folder = Files.createTempDirectory("pacs-study");
        for (int i = 1; i <= 5; i++) {
            Files.write(folder.resolve(i + ".dcm"), TestDicom.ct(ids, DicomUids.random(), i, 64, 64));
        }
        pacs.store(folder);
        String token = tokens.doctorOf(hospital);

        given().auth()
                .oauth2(token)
                .get("/api/imaging/pacs")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(node));
        given().auth()
                .oauth2(token)
                .queryParam("PatientID", ids.patientId())
                .get("/api/imaging/pacs/" + node + "/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].studyUid", equalTo(ids.studyUid()))
                .body("[0].instances", equalTo(5));

        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("studyUid", ids.studyUid()))
                .post("/api/imaging/pacs/" + node + "/retrievals")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String state = Awaitility.await("retrieval " + id + " finished")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().auth()
                                .oauth2(token)
                                .get("/api/imaging/pacs/retrievals/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("state"),
                        s -> s.equals("DONE") || s.equals("FAILED"));
        assertEquals("DONE", state);
        given().auth()
                .oauth2(token)
                .get("/api/imaging/pacs/retrievals/" + id)
                .then()
                .body("received", equalTo(5))
                .body("expected", equalTo(5));
        given().auth()
                .oauth2(token)
                .queryParam("PatientID", ids.patientId())
                .get("/dicom-web/studies")
                .then()
                .body("[0].'00201208'.Value[0]", equalTo(5));
    }

    @Test
    void shouldEchoThePacsFromTheAdminPage() {
        given().auth()
                .oauth2(tokens.user(java.util.UUID.randomUUID(), vn.teleconsult.platform.security.Role.ADMIN, hospital))
                .post("/api/admin/dicom-nodes/{id}/echo", node)
                .then()
                .statusCode(200)
                .body("reachable", equalTo(true))
                .body("message", equalTo("C-ECHO succeeded."));
    }

    @Test
    void shouldRefuseBadRequestsAndOtherHospitals() {
        String token = tokens.doctorOf(hospital);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("studyUid", "../../etc"))
                .post("/api/imaging/pacs/" + node + "/retrievals")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .get("/api/imaging/pacs/not-an-id/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("StudyDate", "yesterday")
                .get("/api/imaging/pacs/" + node + "/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(tokens.doctorOf(UUID.randomUUID()))
                .get("/api/imaging/pacs/" + node + "/studies")
                .then()
                .statusCode(404);
        given().get("/api/imaging/pacs").then().statusCode(401);
    }

    @Test
    void shouldAnswer502WhenThePacsIsUnreachable() throws Exception {
        int closed;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        UUID other = UUID.randomUUID();
        String dead = nodes.register(other, "DEAD" + other.toString().substring(0, 6), "127.0.0.1", closed, Kind.REMOTE)
                .id()
                .toString();
        given().auth()
                .oauth2(tokens.doctorOf(other))
                .get("/api/imaging/pacs/" + dead + "/studies")
                .then()
                .statusCode(502);
    }
}
