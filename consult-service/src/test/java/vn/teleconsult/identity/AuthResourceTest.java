package vn.teleconsult.identity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
class AuthResourceTest {

    @Inject
    Fixtures fixtures;

    private static Response signIn(String username, String password, String address) {
        return given().formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", password)
                .header("X-Forwarded-For", address)
                .post("/api/auth/token");
    }

    @Test
    void shouldIssueShortLivedSignedTokensWithUserRolesAndHospital() throws Exception {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var username = fixtures.user(Role.HUB_SPECIALIST, hub);

        var answer = signIn(username, Fixtures.PASSWORD, Fixtures.someAddress())
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", lessThanOrEqualTo(900))
                .body("refresh_token", notNullValue())
                .extract();
        String token = answer.path("access_token");

        String jwks =
                given().get("/api/auth/jwks").then().statusCode(200).extract().asString();
        var jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        var key = new VerificationJwkSelector().select(jws, new JsonWebKeySet(jwks).getJsonWebKeys());
        jws.setKey(key.getKey());
        assertTrue(jws.verifySignature(), "token verifies with the published key");

        var claims = JwtClaims.parse(jws.getPayload());
        assertEquals(fixtures.userId(username).toString(), claims.getSubject());
        assertEquals(List.of("HUB_SPECIALIST"), claims.getStringListClaimValue("groups"));
        assertEquals(hub.toString(), claims.getStringClaimValue("hospital_id"));
        assertTrue(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() <= 900);
    }

    @Test
    void shouldAnswerWrongPasswordAndUnknownUserAlike() {
        var username = fixtures.user(Role.SATELLITE_DOCTOR, fixtures.hospital(HospitalKind.SATELLITE));

        var wrongPassword = signIn(username, "not the password", Fixtures.someAddress());
        var unknownUser = signIn(Fixtures.unique("nobody"), "not the password", Fixtures.someAddress());

        // RFC 6749 section 5.2: invalid_grant is a 400; 401 is for invalid_client only
        assertEquals(400, wrongPassword.statusCode());
        assertEquals(400, unknownUser.statusCode());
        assertEquals(wrongPassword.asString(), unknownUser.asString());
        wrongPassword
                .then()
                .contentType(ContentType.JSON)
                .header("Cache-Control", containsString("no-store"))
                .header("Pragma", equalTo("no-cache"))
                .header("WWW-Authenticate", nullValue())
                .body("error", equalTo("invalid_grant"))
                .body("access_token", nullValue());
    }

    @Test
    void shouldPauseOneUserNameFromOneAddressForLongerAfterEachFailureEvenWithTheRightPassword() {
        var username = fixtures.user(Role.COORDINATOR, fixtures.hospital(HospitalKind.HUB));
        String address = Fixtures.someAddress();
        for (int i = 0; i < 4; i++) {
            // three typos are free; the fourth pauses this user name from this address for 1 s
            signIn(username, "guess " + i, address).then().statusCode(400);
        }

        var paused = signIn(username, Fixtures.PASSWORD, address);

        paused.then()
                .statusCode(429)
                .header("Retry-After", equalTo("1"))
                .body("error", equalTo("slow_down"))
                .body("error_description", containsString("Try again in 1 second"));

        // once the pause is over the next failure pauses twice as long
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> signIn(username, "guess 4", address).statusCode() == 400);
        signIn(username, Fixtures.PASSWORD, address).then().statusCode(429).header("Retry-After", equalTo("2"));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> signIn(username, Fixtures.PASSWORD, address).statusCode() == 200);
    }

    @Test
    void shouldLetTheRealUserSignInFromTheirAddressWhileAnAttackerGuessesFromAnother() {
        var username = fixtures.user(Role.HUB_SPECIALIST, fixtures.hospital(HospitalKind.HUB));
        String attacker = Fixtures.someAddress();
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = signIn(username, "guess " + i, attacker).statusCode();
            assertTrue(status == 400 || status == 429, "answered " + status);
        }
        assertEquals(429, status, "the attacker's address is paused");

        signIn(username, Fixtures.PASSWORD, Fixtures.someAddress()).then().statusCode(200);
    }

    @Test
    void shouldPauseSignInFromAnAddressThatGuessesManyUsers() {
        String address = Fixtures.someAddress();
        var username = fixtures.user(Role.COORDINATOR, fixtures.hospital(HospitalKind.HUB));
        // thirty are free, the thirty-first pauses the address (whatever the user name)
        for (int i = 0; i < 31; i++) {
            signIn(Fixtures.unique("guess"), "guess", address).then().statusCode(400);
        }

        signIn(username, Fixtures.PASSWORD, address).then().statusCode(429);
        signIn(username, Fixtures.PASSWORD, Fixtures.someAddress()).then().statusCode(200);
    }

    @Test
    void shouldRotateRefreshTokensAndRevokeTheFamilyOnReuse() {
        var username = fixtures.user(Role.PATIENT, null);
        String first = signIn(username, Fixtures.PASSWORD, Fixtures.someAddress())
                .then()
                .statusCode(200)
                .extract()
                .path("refresh_token");

        var refreshed = refresh(first).then().statusCode(200).extract();
        String second = refreshed.path("refresh_token");
        assertNotEquals(first, second);
        given().auth()
                .oauth2(refreshed.path("access_token"))
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(username));

        refresh(first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // the reuse revoked the whole sign-in, including the token that was never used
        refresh(second).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void shouldRevokeASignIn() {
        var username = fixtures.user(Role.PATIENT, null);
        String refreshToken = signIn(username, Fixtures.PASSWORD, Fixtures.someAddress())
                .then()
                .extract()
                .path("refresh_token");

        given().formParam("token", refreshToken).post("/api/auth/revoke").then().statusCode(200);
        given().formParam("token", "never-issued")
                .post("/api/auth/revoke")
                .then()
                .statusCode(200);

        refresh(refreshToken).then().statusCode(400);
    }

    @Test
    void shouldIssueTokensToSystemClientsOfAHospital() {
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var client = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "PACS gateway", "hospitalId", satellite))
                .post("/api/admin/clients")
                .then()
                .statusCode(201)
                .extract();
        String clientId = client.path("clientId");
        String secret = client.path("clientSecret");

        given().auth()
                .preemptive()
                .basic(clientId, secret)
                .formParam("grant_type", "client_credentials")
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .body("access_token", notNullValue())
                .body("refresh_token", nullValue());
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post("/api/auth/token")
                .then()
                .statusCode(200);
        given().auth()
                .preemptive()
                .basic(clientId, "wrong")
                .header("X-Forwarded-For", Fixtures.someAddress())
                .formParam("grant_type", "client_credentials")
                .post("/api/auth/token")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void shouldRefuseMalformedTokenRequests() {
        given().formParam("grant_type", "implicit")
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
        given().formParam("username", "x")
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("error_description", containsString("grant_type"));
        given().formParam("grant_type", "password")
                .formParam("username", "x")
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .body("error_description", containsString("password"));
        given().formParam("grant_type", "password", "refresh_token")
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .body("error_description", containsString("more than once"));
        given().formParam("grant_type", "refresh_token")
                .formParam("refresh_token", "garbage")
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"));
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"password\"}")
                .post("/api/auth/token")
                .then()
                .statusCode(415);
        given().header("Authorization", "Basic %%%")
                .formParam("grant_type", "client_credentials")
                .post("/api/auth/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void shouldAnswerTokenErrorsAsRfc6749Section52Says() {
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var client = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Report archive", "hospitalId", satellite))
                .post("/api/admin/clients")
                .then()
                .statusCode(201)
                .extract();
        String clientId = client.path("clientId");
        String secret = client.path("clientSecret");
        var username = fixtures.user(Role.SATELLITE_DOCTOR, satellite);

        // an authenticated client asking for a grant it may not use
        oauthError(
                given().auth()
                        .preemptive()
                        .basic(clientId, secret)
                        .formParam("grant_type", "password")
                        .formParam("username", username)
                        .formParam("password", Fixtures.PASSWORD),
                400,
                "unauthorized_client");
        oauthError(
                given().formParam("grant_type", "refresh_token")
                        .formParam("refresh_token", "whatever")
                        .formParam("client_id", clientId)
                        .formParam("client_secret", secret),
                400,
                "unauthorized_client");
        // a client failing to authenticate with Basic: 401 and a Basic challenge
        oauthError(
                        given().auth()
                                .preemptive()
                                .basic(clientId, "wrong")
                                .formParam("grant_type", "password")
                                .formParam("username", username)
                                .formParam("password", Fixtures.PASSWORD),
                        401,
                        "invalid_client")
                .header("WWW-Authenticate", equalTo("Basic realm=\"teleconsult\""));
        oauthError(given().formParam("grant_type", "client_credentials"), 401, "invalid_client")
                .header("WWW-Authenticate", containsString("Basic realm="));
        // two ways of authenticating the client in one request
        oauthError(
                given().auth()
                        .preemptive()
                        .basic(clientId, secret)
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", clientId)
                        .formParam("client_secret", secret),
                400,
                "invalid_request");
        oauthError(given().formParam("grant_type", "password").formParam("username", username), 400, "invalid_request");
        oauthError(
                given().formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                400,
                "unsupported_grant_type");
        oauthError(
                given().formParam("grant_type", "refresh_token").formParam("refresh_token", "x"), 400, "invalid_grant");
        oauthError(
                given().formParam("grant_type", "password")
                        .formParam("username", username)
                        .formParam("password", "wrong"),
                400,
                "invalid_grant");

        // and a successful answer is not cached either
        signIn(username, Fixtures.PASSWORD, Fixtures.someAddress())
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .header("Pragma", equalTo("no-cache"));
    }

    /** An RFC 6749 section 5.2 error: status, JSON with error (and a description), never cached; 401 only with a challenge. */
    private static io.restassured.response.ValidatableResponse oauthError(
            io.restassured.specification.RequestSpecification request, int status, String error) {
        var answer = request.header("X-Forwarded-For", Fixtures.someAddress())
                .post("/api/auth/token")
                .then()
                .statusCode(status)
                .contentType(ContentType.JSON)
                .header("Cache-Control", containsString("no-store"))
                .header("Pragma", equalTo("no-cache"))
                .body("error", equalTo(error))
                .body("error_description", notNullValue())
                .body("access_token", nullValue());
        return status == 401
                ? answer.header("WWW-Authenticate", notNullValue())
                : answer.header("WWW-Authenticate", nullValue());
    }

    private static Response refresh(String refreshToken) {
        return given().formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .post("/api/auth/token");
    }
}
