package vn.teleconsult.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
class HospitalAdminResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void shouldCreateHospitalsAndLinkSatellitesToHubs() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        String hubCode = Fixtures.unique("HUB");
        String hub = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", hubCode, "name", "Bệnh viện Trung ương Đồi Thông", "kind", "HUB"))
                .post("/api/admin/hospitals")
                .then()
                .statusCode(201)
                .body("name", equalTo("Bệnh viện Trung ương Đồi Thông"))
                .body("timeZone", equalTo("Asia/Ho_Chi_Minh"))
                .extract()
                .path("id");
        String satellite = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        Fixtures.unique("SAT"),
                        "name",
                        "Trung tâm Y tế huyện Suối Đá",
                        "kind",
                        "SATELLITE",
                        "province",
                        "Lâm Đồng"))
                .post("/api/admin/hospitals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(admin)
                .put("/api/admin/hospitals/" + satellite + "/hubs/" + hub)
                .then()
                .statusCode(200)
                .body("hubIds", equalTo(List.of(hub)));
        given().auth()
                .oauth2(admin)
                .put("/api/admin/hospitals/" + satellite + "/hubs/" + hub)
                .then()
                .statusCode(200)
                .body("hubIds", hasSize(1));
        given().auth()
                .oauth2(admin)
                .get("/api/admin/hospitals")
                .then()
                .statusCode(200)
                .body("id", hasItem(hub));
        given().auth()
                .oauth2(admin)
                .delete("/api/admin/hospitals/" + satellite + "/hubs/" + hub)
                .then()
                .statusCode(200)
                .body("hubIds", hasSize(0));
        given().auth()
                .oauth2(admin)
                .queryParam("resourceType", "Hospital")
                .queryParam("resourceId", satellite)
                .get("/api/admin/audit")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("UPDATE", "UPDATE", "CREATE")))
                .body("items[1].detail", equalTo("linked to hub " + hubCode))
                .body("items[0].detail", containsString("unlinked from hub"));
    }

    @Test
    void shouldRefuseLinksThatDoNotRunFromSatelliteToHub() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var hubA = fixtures.hospital(HospitalKind.HUB);
        var hubB = fixtures.hospital(HospitalKind.HUB);
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        var satellite2 = fixtures.hospital(HospitalKind.SATELLITE);

        given().auth()
                .oauth2(admin)
                .put("/api/admin/hospitals/" + hubA + "/hubs/" + hubB)
                .then()
                .statusCode(400)
                .body("detail", containsString("only satellites"));
        given().auth()
                .oauth2(admin)
                .put("/api/admin/hospitals/" + satellite + "/hubs/" + satellite2)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(admin)
                .put("/api/admin/hospitals/" + satellite + "/hubs/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void shouldRefuseBadHospitalInput() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        String code = Fixtures.unique("DUP");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Một", "kind", "HUB"))
                .post("/api/admin/hospitals")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code.toLowerCase(), "name", "Hai", "kind", "HUB"))
                .post("/api/admin/hospitals")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.unique("TZ"), "name", "Ba", "kind", "HUB", "timeZone", "Mars/Olympus"))
                .post("/api/admin/hospitals")
                .then()
                .statusCode(400)
                .body("detail", containsString("time zone"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", "bad code!", "name", "Bốn", "kind", "CLINIC"))
                .post("/api/admin/hospitals")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldLetOnlyNetworkAdminsChangeTheNetwork() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var otherHub = fixtures.hospital(HospitalKind.HUB);
        var hospitalAdmin = Fixtures.token(fixtures.user(Role.ADMIN, hub));

        given().auth()
                .oauth2(hospitalAdmin)
                .get("/api/admin/hospitals")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(hub.toString())));
        given().auth()
                .oauth2(hospitalAdmin)
                .get("/api/admin/hospitals/" + otherHub)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(hospitalAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.unique("X"), "name", "X", "kind", "HUB"))
                .post("/api/admin/hospitals")
                .then()
                .statusCode(403);
        var doctor = Fixtures.token(fixtures.user(Role.SATELLITE_DOCTOR, fixtures.hospital(HospitalKind.SATELLITE)));
        given().auth().oauth2(doctor).get("/api/admin/hospitals").then().statusCode(403);
    }
}
