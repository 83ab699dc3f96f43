package vn.teleconsult.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
class AuditResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void shouldRecordSignInsAndReadsOfPatientAccounts() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        String patient = fixtures.user(Role.PATIENT, null);
        var patientId = fixtures.userId(patient);
        String address = Fixtures.someAddress();
        given().formParam("grant_type", "password")
                .formParam("username", patient)
                .formParam("password", "wrong password")
                .header("X-Forwarded-For", address)
                .post("/api/auth/token")
                .then()
                .statusCode(400);

        given().auth().oauth2(admin).get("/api/admin/users/" + patientId).then().statusCode(200);

        given().auth()
                .oauth2(admin)
                .queryParam("patient", patientId)
                .queryParam("action", "READ")
                .get("/api/admin/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].resourceType", equalTo("User"))
                .body("items[0].outcome", equalTo("SUCCESS"))
                .body("items[0].actorRoles", equalTo("ADMIN"));
        given().auth()
                .oauth2(admin)
                .queryParam("actorId", patientId)
                .queryParam("action", "LOGIN")
                .get("/api/admin/audit")
                .then()
                .statusCode(200)
                .body("items[0].outcome", equalTo("FAILED"))
                .body("items[0].sourceAddress", equalTo(address));
    }

    @Test
    void shouldShowHospitalAdminsOnlyTheirOwnHospitalsTrail() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var otherHub = fixtures.hospital(HospitalKind.HUB);
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, hub));
        Fixtures.token(fixtures.user(Role.COORDINATOR, hub));

        given().auth()
                .oauth2(admin)
                .get("/api/admin/audit")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.actorHospital", everyItem(equalTo(hub.toString())));
        given().auth()
                .oauth2(admin)
                .queryParam("hospitalId", otherHub)
                .get("/api/admin/audit")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseBadAuditQueries() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        given().auth()
                .oauth2(admin)
                .queryParam("from", "yesterday")
                .get("/api/admin/audit")
                .then()
                .statusCode(400)
                .body("detail", containsString("from"));
        given().auth()
                .oauth2(admin)
                .queryParam("from", "2026-01-02T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/admin/audit")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(admin)
                .queryParam("action", "STEAL")
                .get("/api/admin/audit")
                .then()
                .statusCode(400)
                .body("detail", containsString("READ"));
        var doctor = Fixtures.token(fixtures.user(Role.SATELLITE_DOCTOR, fixtures.hospital(HospitalKind.SATELLITE)));
        given().auth().oauth2(doctor).get("/api/admin/audit").then().statusCode(403);
    }
}
