package vn.teleconsult.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/**
 * Every way a sign-in ends makes its access token answer 401 at once on the same instance, not when the token expires
 * (issue 14, finding 4); a sign-in started right afterwards works.
 */
@QuarkusTest
class RevocationTest {

    @Inject
    Fixtures fixtures;

    private static ExtractableResponse<Response> signIn(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", password)
                .header("X-Forwarded-For", Fixtures.someAddress())
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract();
    }

    private static ExtractableResponse<Response> signIn(String username) {
        return signIn(username, Fixtures.PASSWORD);
    }

    private static int me(String accessToken) {
        return given().auth().oauth2(accessToken).get("/api/me").statusCode();
    }

    private static Response refresh(String refreshToken) {
        return given().formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .post("/api/auth/token");
    }

    @Test
    void shouldRefuseTheAccessTokenOfARevokedSignInAtOnce() {
        var username = fixtures.user(Role.PATIENT, null);
        var signIn = signIn(username);
        var other = signIn(username);
        String access = signIn.path("access_token");
        assertEquals(200, me(access));

        given().formParam("token", signIn.<String>path("refresh_token"))
                .post("/api/auth/revoke")
                .then()
                .statusCode(200);

        assertEquals(401, me(access));
        // the same user's other sign-in goes on
        assertEquals(200, me(other.path("access_token")));
    }

    @Test
    void shouldRefuseEveryAccessTokenOfASignInWhoseRefreshTokenWasReused() {
        var username = fixtures.user(Role.PATIENT, null);
        var signIn = signIn(username);
        String first = signIn.path("access_token");
        var rotated =
                refresh(signIn.path("refresh_token")).then().statusCode(200).extract();
        String second = rotated.path("access_token");
        assertEquals(200, me(first));
        assertEquals(200, me(second));

        refresh(signIn.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));

        assertEquals(401, me(first));
        assertEquals(401, me(second));
    }

    @Test
    void shouldRefuseTheAccessTokensOfAUserSignedOutByAnAdministratorAtOnce() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var username = fixtures.user(Role.COORDINATOR, hub);
        String admin = Fixtures.token(fixtures.user(Role.ADMIN, hub));
        String access = signIn(username).path("access_token");
        assertEquals(200, me(access));

        given().auth()
                .oauth2(admin)
                .post("/api/admin/users/" + fixtures.userId(username) + "/sign-out")
                .then()
                .statusCode(200);

        assertEquals(401, me(access));
        // signing in again right away works: only the earlier sign-ins are revoked
        assertEquals(200, me(signIn(username).path("access_token")));
    }

    @Test
    void shouldRefuseTheAccessTokensOfADisabledUserAtOnce() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var username = fixtures.user(Role.COORDINATOR, hub);
        UUID id = fixtures.userId(username);
        String admin = Fixtures.token(fixtures.user(Role.ADMIN, hub));
        String access = signIn(username).path("access_token");
        assertEquals(200, me(access));

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "fullName",
                        "Điều phối viên",
                        "roles",
                        List.of("COORDINATOR"),
                        "hospitalId",
                        hub,
                        "enabled",
                        false))
                .put("/api/admin/users/" + id)
                .then()
                .statusCode(200);

        assertEquals(401, me(access));
    }

    @Test
    void shouldRefuseTheAccessTokensOfAUserWhosePasswordWasSetAtOnce() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var username = fixtures.user(Role.COORDINATOR, hub);
        String admin = Fixtures.token(fixtures.user(Role.ADMIN, hub));
        String access = signIn(username).path("access_token");
        assertEquals(200, me(access));

        String password = "Revocation " + UUID.randomUUID();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("password", password))
                .put("/api/admin/users/" + fixtures.userId(username) + "/password")
                .then()
                .statusCode(204);

        assertEquals(401, me(access));
        assertEquals(200, me(signIn(username, password).path("access_token")));
    }

    @Test
    void shouldRefuseTheAccessTokensOfADisabledSystemClientAtOnce() {
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        String admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var client = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "PACS gateway", "hospitalId", satellite))
                .post("/api/admin/clients")
                .then()
                .statusCode(201)
                .extract();
        String access = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", client.<String>path("clientId"))
                .formParam("client_secret", client.<String>path("clientSecret"))
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        int before = me(access);
        assertTrue(before != 401, "a live client token is accepted, answered " + before);

        given().auth()
                .oauth2(admin)
                .delete("/api/admin/clients/" + client.<String>path("id"))
                .then()
                .statusCode(204);

        assertEquals(401, me(access));
    }

    @Test
    void shouldCarryTheSignInAndTheAudienceInTheAccessToken() {
        var username = fixtures.user(Role.PATIENT, null);
        String access = signIn(username).path("access_token");
        String claims = new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"aud\":\"teleconsult\""), claims);
        assertTrue(claims.matches(".*\"sid\":\"[0-9a-f-]{36}\".*"), claims);
    }
}
