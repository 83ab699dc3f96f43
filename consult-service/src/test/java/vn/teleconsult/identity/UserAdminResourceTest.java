package vn.teleconsult.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
class UserAdminResourceTest {

    @Inject
    Fixtures fixtures;

    private static Map<String, Object> newUser(String username, UUID hospital, Role role) {
        var body = new java.util.HashMap<String, Object>();
        body.put("username", username);
        body.put("fullName", "Nguyễn Văn Thành");
        body.put("roles", List.of(role));
        body.put("password", "mật khẩu dài đủ");
        if (hospital != null) {
            body.put("hospitalId", hospital);
        }
        return body;
    }

    @Test
    void shouldLetANetworkAdminCreateUsersWithVietnameseNamesIntact() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var hub = fixtures.hospital(HospitalKind.HUB);
        String username = Fixtures.unique("bs.thanh");

        String id = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newUser(username, hub, Role.HUB_SPECIALIST))
                .post("/api/admin/users")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/admin/users/"))
                .body("fullName", equalTo("Nguyễn Văn Thành"))
                .body("passwordHash", equalTo(null))
                .extract()
                .path("id");

        given().auth()
                .oauth2(admin)
                .get("/api/admin/users/" + id)
                .then()
                .statusCode(200)
                .body("fullName", equalTo("Nguyễn Văn Thành"))
                .body("roles", equalTo(List.of("HUB_SPECIALIST")));
        // the new user can sign in with the (Vietnamese) password that was set, sent as UTF-8 like a browser does
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", "mật khẩu dài đủ")
                .post("/api/auth/token")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldKeepHospitalAdminsToTheirOwnHospital() {
        var hubA = fixtures.hospital(HospitalKind.HUB);
        var hubB = fixtures.hospital(HospitalKind.HUB);
        var adminA = Fixtures.token(fixtures.user(Role.ADMIN, hubA));
        var staffA = fixtures.userId(fixtures.user(Role.COORDINATOR, hubA));
        var staffB = fixtures.userId(fixtures.user(Role.COORDINATOR, hubB));

        given().auth().oauth2(adminA).get("/api/admin/users/" + staffA).then().statusCode(200);
        given().auth()
                .oauth2(adminA)
                .get("/api/admin/users/" + staffB)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(adminA)
                .get("/api/admin/users")
                .then()
                .statusCode(200)
                .body("items.hospitalId", everyItem(equalTo(hubA.toString())))
                .body("items.id", hasItem(staffA.toString()))
                .body("items.id", not(hasItem(staffB.toString())));
        given().auth()
                .oauth2(adminA)
                .contentType(ContentType.JSON)
                .body(Map.of("fullName", "Đổi tên", "roles", List.of("COORDINATOR"), "hospitalId", hubB))
                .put("/api/admin/users/" + staffB)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(adminA)
                .contentType(ContentType.JSON)
                .body(newUser(Fixtures.unique("x"), hubB, Role.COORDINATOR))
                .post("/api/admin/users")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(adminA)
                .contentType(ContentType.JSON)
                .body(Map.of("fullName", "Chuyển viện", "roles", List.of("COORDINATOR"), "hospitalId", hubB))
                .put("/api/admin/users/" + staffA)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(adminA)
                .contentType(ContentType.JSON)
                .body(Map.of("password", "taken over account"))
                .put("/api/admin/users/" + staffB + "/password")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(adminA)
                .post("/api/admin/users/" + staffB + "/sign-out")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldRefuseShortCommonAndOwnNamePasswordsWithAReasonWhereverAPasswordIsSet() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var hub = fixtures.hospital(HospitalKind.HUB);
        String username = Fixtures.unique("bs.lan");
        var refusals = Map.of(
                "12345678",
                "at least 12 characters",
                "password",
                "at least 12 characters",
                "password1234",
                "most common passwords",
                "qwerty123456",
                "most common passwords",
                username,
                "user name");
        refusals.forEach((password, reason) -> {
            var body = newUser(username, hub, Role.COORDINATOR);
            body.put("password", password);
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/admin/users")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString(reason));
        });
        given().auth()
                .oauth2(admin)
                .get("/api/admin/users?q=" + username)
                .then()
                .body("total", equalTo(0));

        String staff = fixtures.user(Role.COORDINATOR, hub);
        String staffId = given().auth()
                .oauth2(admin)
                .get("/api/admin/users?q=" + staff)
                .then()
                .extract()
                .path("items[0].id");
        for (String weak : List.of("12345678", "password", "iloveyou2026", staff)) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("password", weak))
                    .put("/api/admin/users/" + staffId + "/password")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("password: "));
        }
        // the old password still works: nothing changed
        Fixtures.token(staff);

        // a long passphrase in Vietnamese, typed decomposed, signs in when typed composed (NFKC)
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("password", "ngu\u031b\u0323a đúng pin kẹp giấy"))
                .put("/api/admin/users/" + staffId + "/password")
                .then()
                .statusCode(204);
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "password")
                .formParam("username", staff)
                .formParam("password", "ngựa đúng pin kẹp giấy")
                .header("X-Forwarded-For", Fixtures.someAddress())
                .post("/api/auth/token")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseNonAdmins() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        for (Role role : List.of(Role.COORDINATOR, Role.HUB_SPECIALIST)) {
            var token = Fixtures.token(fixtures.user(role, hub));
            given().auth().oauth2(token).get("/api/admin/users").then().statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(newUser(Fixtures.unique("x"), hub, Role.ADMIN))
                    .post("/api/admin/users")
                    .then()
                    .statusCode(403);
        }
        var patient = Fixtures.token(fixtures.user(Role.PATIENT, null));
        given().auth().oauth2(patient).get("/api/admin/users").then().statusCode(403);
        given().get("/api/admin/users").then().statusCode(401);
    }

    @Test
    void shouldExplainMalformedAndIncompleteRequests() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"username\": \"abc\", ")
                .post("/api/admin/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"username\": \"abc\"}")
                .post("/api/admin/users")
                .then()
                .statusCode(400)
                .body("detail", containsString("fullName"))
                .body("detail", containsString("password"))
                .body("detail", containsString("roles"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"username\": \"abc\", \"fullName\": \"A\", \"password\": \"12345678\", \"roles\": [\"GOD\"]}")
                .post("/api/admin/users")
                .then()
                .statusCode(400)
                .body("detail", containsString("roles[0]"))
                .body("detail", containsString("HUB_SPECIALIST"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("[]")
                .post("/api/admin/users")
                .then()
                .statusCode(400);
        given().auth().oauth2(admin).get("/api/admin/users/not-a-uuid").then().statusCode(404);
        given().auth()
                .oauth2(admin)
                .get("/api/admin/users?limit=100000")
                .then()
                .statusCode(400)
                .body("detail", containsString("limit"));
    }

    @Test
    void shouldRefuseRolesThatDoNotFitTheHospital() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        var hub = fixtures.hospital(HospitalKind.HUB);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newUser(Fixtures.unique("x"), satellite, Role.HUB_SPECIALIST))
                .post("/api/admin/users")
                .then()
                .statusCode(400)
                .body("detail", containsString("HUB hospital"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newUser(Fixtures.unique("x"), hub, Role.SATELLITE_DOCTOR))
                .post("/api/admin/users")
                .then()
                .statusCode(400)
                .body("detail", containsString("SATELLITE hospital"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newUser(Fixtures.unique("x"), hub, Role.PATIENT))
                .post("/api/admin/users")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldRefuseATakenUserNameAndAStaleVersion() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var hub = fixtures.hospital(HospitalKind.HUB);
        String existing = fixtures.user(Role.COORDINATOR, hub);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(newUser(existing.toUpperCase(), hub, Role.COORDINATOR))
                .post("/api/admin/users")
                .then()
                .statusCode(409)
                .body("detail", containsString("taken"));

        var id = fixtures.userId(existing);
        var changes = Map.of("fullName", "Tên mới", "roles", List.of("COORDINATOR"), "hospitalId", hub, "version", 0);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(changes)
                .put("/api/admin/users/" + id)
                .then()
                .statusCode(200)
                .body("fullName", equalTo("Tên mới"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(changes)
                .put("/api/admin/users/" + id)
                .then()
                .statusCode(409);
    }

    @Test
    void shouldEndSignInsWhenAUserIsDisabled() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var hub = fixtures.hospital(HospitalKind.HUB);
        String username = fixtures.user(Role.COORDINATOR, hub);
        String refresh = given().formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", Fixtures.PASSWORD)
                .post("/api/auth/token")
                .then()
                .extract()
                .path("refresh_token");

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "fullName", "Đã nghỉ", "roles", List.of("COORDINATOR"), "hospitalId", hub, "enabled", false))
                .put("/api/admin/users/" + fixtures.userId(username))
                .then()
                .statusCode(200);

        given().formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refresh)
                .post("/api/auth/token")
                .then()
                .statusCode(400);
        given().formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", Fixtures.PASSWORD)
                .header("X-Forwarded-For", Fixtures.someAddress())
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
    }
}
