package vn.teleconsult.imaging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.TestDirectory;
import vn.teleconsult.imaging.testing.StoreReceiver;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.directory.HospitalRef;
import vn.teleconsult.platform.security.Role;

/** The admin API for DICOM nodes: scoping by hospital, validation, audit, and the C-ECHO connection test. */
@QuarkusTest
class DicomNodeAdminTest {

    @Inject
    Tokens tokens;

    @Inject
    TestDirectory directory;

    @Inject
    AgroalDataSource db;

    private final UUID hospital = UUID.randomUUID();
    private final UUID otherHospital = UUID.randomUUID();
    private final UUID adminId = UUID.randomUUID();
    private String admin;
    private String networkAdmin;

    @BeforeEach
    void hospitals() {
        directory.add(new HospitalRef(
                hospital, "H" + hospital, "Hospital", HospitalKind.SATELLITE, "Asia/Ho_Chi_Minh", true));
        directory.add(new HospitalRef(
                otherHospital, "O" + otherHospital, "Other", HospitalKind.HUB, "Asia/Ho_Chi_Minh", true));
        admin = tokens.user(adminId, Role.ADMIN, hospital);
        networkAdmin = tokens.user(UUID.randomUUID(), Role.ADMIN, null);
    }

    private static String title() {
        return "N" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase();
    }

    private String create(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/dicom-nodes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void shouldCreateChangeListAndDeleteTheHospitalsNodesAndAuditEachChange() throws Exception {
        String ae = title();
        String id = create(admin, Map.of("aeTitle", ae, "host", "10.1.2.3", "port", 104, "kind", "REMOTE"));

        given().auth()
                .oauth2(admin)
                .get("/api/admin/dicom-nodes")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.aeTitle", equalTo(ae))
                .body("find { it.id == '" + id + "' }.hospitalId", equalTo(hospital.toString()));

        String renamed = title();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("aeTitle", renamed, "host", "pacs.example.vn", "port", 11112))
                .put("/api/admin/dicom-nodes/{id}", id)
                .then()
                .statusCode(200)
                .body("aeTitle", equalTo(renamed))
                .body("host", equalTo("pacs.example.vn"))
                .body("port", equalTo(11112))
                .body("kind", equalTo("REMOTE"));

        given().auth()
                .oauth2(admin)
                .delete("/api/admin/dicom-nodes/{id}", id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(admin)
                .delete("/api/admin/dicom-nodes/{id}", id)
                .then()
                .statusCode(404);
        given().auth().oauth2(admin).get("/api/admin/dicom-nodes").then().body("id", not(hasItem(id)));

        // the three changes, and the refused second delete (recorded as DENIED)
        assertEquals(4, audited(id, "CREATE', 'UPDATE', 'DELETE"));
    }

    @Test
    void shouldKeepEachHospitalAdminToTheirOwnHospital() {
        String theirs = create(
                networkAdmin, Map.of("hospitalId", otherHospital.toString(), "aeTitle", title(), "kind", "CALLING"));

        given().auth()
                .oauth2(admin)
                .get("/api/admin/dicom-nodes")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(theirs)));
        given().auth()
                .oauth2(admin)
                .get("/api/admin/dicom-nodes?hospital=" + otherHospital)
                .then()
                .statusCode(200)
                .body("id", not(hasItem(theirs)));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("aeTitle", title()))
                .put("/api/admin/dicom-nodes/{id}", theirs)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(admin)
                .delete("/api/admin/dicom-nodes/{id}", theirs)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(admin)
                .post("/api/admin/dicom-nodes/{id}/echo", theirs)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("hospitalId", otherHospital.toString(), "aeTitle", title(), "kind", "CALLING"))
                .post("/api/admin/dicom-nodes")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(networkAdmin)
                .get("/api/admin/dicom-nodes?hospital=" + otherHospital)
                .then()
                .statusCode(200)
                .body("id", hasItem(theirs));
    }

    @Test
    void shouldRefuseOtherRolesAndAnonymousCallers() {
        given().get("/api/admin/dicom-nodes").then().statusCode(401);
        given().auth()
                .oauth2(tokens.doctorOf(hospital))
                .get("/api/admin/dicom-nodes")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokens.user(UUID.randomUUID(), Role.COORDINATOR, hospital))
                .contentType(ContentType.JSON)
                .body(Map.of("aeTitle", title(), "kind", "CALLING"))
                .post("/api/admin/dicom-nodes")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseBadNodesAndChangeNothing() throws Exception {
        String taken = title();
        create(admin, Map.of("aeTitle", taken, "kind", "CALLING"));
        Map<String, Map<String, Object>> bad = Map.of(
                "An AE title has 1 to 16", Map.of("aeTitle", "WAY_TOO_LONG_AE_TITLE", "kind", "CALLING"),
                "no backslash", Map.of("aeTitle", "A\\B", "kind", "CALLING"),
                "port: 1 to 65535", Map.of("aeTitle", title(), "host", "10.0.0.1", "port", 70000, "kind", "REMOTE"),
                "host: a host name", Map.of("aeTitle", title(), "host", "http://x/../y", "port", 104, "kind", "REMOTE"),
                "needs a host and a port", Map.of("aeTitle", title(), "kind", "REMOTE"),
                "both host and port", Map.of("aeTitle", title(), "host", "10.0.0.1", "kind", "CALLING"),
                "kind", Map.of("aeTitle", title()),
                "No such hospital",
                        Map.of("hospitalId", UUID.randomUUID().toString(), "aeTitle", title(), "kind", "CALLING"));
        long before = nodes();
        bad.forEach((message, body) -> given().auth()
                .oauth2(body.containsKey("hospitalId") ? networkAdmin : admin)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/dicom-nodes")
                .then()
                .statusCode(body.containsKey("hospitalId") ? 404 : 400)
                .contentType("application/problem+json")
                .body("detail", containsString(message)));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("aeTitle", taken, "kind", "CALLING"))
                .post("/api/admin/dicom-nodes")
                .then()
                .statusCode(409)
                .body("detail", containsString(taken));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"aeTitle\": \"X\", \"kind\": \"NEITHER\"}")
                .post("/api/admin/dicom-nodes")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"aeTitle\": ")
                .post("/api/admin/dicom-nodes")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(admin)
                .get("/api/admin/dicom-nodes?hospital=not-a-uuid")
                .then()
                .statusCode(400)
                .body("detail", containsString("hospital"));
        assertEquals(before, nodes());
    }

    @Test
    void shouldRefuseBadChangesAndKeepTheNode() {
        String ae = title();
        String taken = title();
        create(admin, Map.of("aeTitle", taken, "host", "10.9.9.9", "port", 104, "kind", "REMOTE"));
        String id = create(admin, Map.of("aeTitle", ae, "host", "10.1.2.3", "port", 104, "kind", "REMOTE"));
        Map<String, Map<String, Object>> bad = Map.of(
                "kind cannot change", Map.of("aeTitle", ae, "host", "10.1.2.3", "port", 104, "kind", "CALLING"),
                "hospital cannot change",
                        Map.of("aeTitle", ae, "host", "10.1.2.3", "port", 104, "hospitalId", otherHospital.toString()),
                "port: 1 to 65535", Map.of("aeTitle", ae, "host", "10.1.2.3", "port", 0),
                "needs a host and a port", Map.of("aeTitle", ae),
                "An AE title has 1 to 16", Map.of("aeTitle", "   ", "host", "10.1.2.3", "port", 104));
        bad.forEach((message, body) -> given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/admin/dicom-nodes/{id}", id)
                .then()
                .statusCode(400)
                .body("detail", containsString(message)));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("aeTitle", taken, "host", "10.1.2.3", "port", 104))
                .put("/api/admin/dicom-nodes/{id}", id)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("null")
                .put("/api/admin/dicom-nodes/{id}", id)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("aeTitle", title()))
                .put("/api/admin/dicom-nodes/{id}", "not-a-node")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(admin)
                .get("/api/admin/dicom-nodes")
                .then()
                .body("find { it.id == '" + id + "' }.aeTitle", equalTo(ae))
                .body("find { it.id == '" + id + "' }.port", equalTo(104));
    }

    @Test
    void shouldTestTheConnectionWithCEcho() throws Exception {
        String peerTitle = title();
        try (var receiver = new StoreReceiver(peerTitle)) {
            String reachable = create(
                    admin,
                    Map.of("aeTitle", peerTitle, "host", "127.0.0.1", "port", receiver.port(), "kind", "REMOTE"));
            given().auth()
                    .oauth2(admin)
                    .post("/api/admin/dicom-nodes/{id}/echo", reachable)
                    .then()
                    .statusCode(200)
                    .body("reachable", equalTo(true))
                    .body("message", equalTo("C-ECHO succeeded."));

            String wrongTitle = title();
            String misnamed = create(
                    admin,
                    Map.of("aeTitle", wrongTitle, "host", "127.0.0.1", "port", receiver.port(), "kind", "REMOTE"));
            given().auth()
                    .oauth2(admin)
                    .post("/api/admin/dicom-nodes/{id}/echo", misnamed)
                    .then()
                    .statusCode(200)
                    .body("reachable", equalTo(false))
                    .body("message", containsString(wrongTitle + " at 127.0.0.1:" + receiver.port()))
                    .body("message", containsString("association was rejected"));
        }
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String ae = title();
        String dead = create(admin, Map.of("aeTitle", ae, "host", "127.0.0.1", "port", closed, "kind", "REMOTE"));
        given().auth()
                .oauth2(admin)
                .post("/api/admin/dicom-nodes/{id}/echo", dead)
                .then()
                .statusCode(200)
                .body("reachable", equalTo(false))
                .body("message", containsString(ae + " at 127.0.0.1:" + closed))
                .body("message", containsString("connection refused"));
        assertEquals(2, audited(dead, "CREATE', 'EXECUTE"));

        String callerOnly = create(admin, Map.of("aeTitle", title(), "kind", "CALLING"));
        given().auth()
                .oauth2(admin)
                .post("/api/admin/dicom-nodes/{id}/echo", callerOnly)
                .then()
                .statusCode(409)
                .body("detail", containsString("no host and port"));
    }

    private long nodes() throws Exception {
        try (var c = db.getConnection();
                var s = c.prepareStatement("select count(*) from imaging.dicom_node")) {
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private long audited(String node, String actions) throws Exception {
        try (var c = db.getConnection();
                var s = c.prepareStatement("select count(*) from audit.audit_event where resource_type = 'DicomNode'"
                        + " and resource_id = ? and action in ('" + actions + "')")) {
            s.setString(1, node);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
