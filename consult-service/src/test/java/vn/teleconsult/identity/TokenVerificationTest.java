package vn.teleconsult.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.platform.security.SigningKeys;

/** Only tokens the platform signed, unexpired, from its issuer, with RS256, open protected endpoints. */
@QuarkusTest
class TokenVerificationTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AccessTokens accessTokens;

    @Inject
    SigningKeys keys;

    private String username;
    private String userId;

    private void someUser() {
        username = fixtures.user(Role.SATELLITE_DOCTOR, fixtures.hospital(HospitalKind.SATELLITE));
        userId = fixtures.userId(username).toString();
    }

    @Test
    void shouldAcceptAValidToken() {
        someUser();
        given().auth()
                .oauth2(accessTokens
                        .issue(userId, username, Set.of(Role.SATELLITE_DOCTOR), null)
                        .token())
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(username));
    }

    @Test
    void shouldRefuseMissingAndGarbageTokens() {
        given().get("/api/me").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/me").then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        someUser();
        var expired = accessTokens.issue(
                userId,
                username,
                Set.of(Role.SATELLITE_DOCTOR),
                null,
                Instant.now().minus(Duration.ofMinutes(20)),
                Duration.ofMinutes(5));
        given().auth().oauth2(expired.token()).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseATokenThatLivesLongerThanFifteenMinutes() {
        someUser();
        var longLived = accessTokens.issue(
                userId, username, Set.of(Role.SATELLITE_DOCTOR), null, Instant.now(), Duration.ofHours(1));
        given().auth().oauth2(longLived.token()).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseATamperedToken() {
        someUser();
        String token =
                accessTokens.issue(userId, username, Set.of(Role.PATIENT), null).token();
        // the genuine token is verified (and remembered) first: its claims with another signature, or another
        // payload with its signature, must still be refused
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"PATIENT\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + b64(payload) + "." + parts[2];
        given().auth().oauth2(tampered).get("/api/me").then().statusCode(401);
        given().auth().oauth2(tampered).get("/api/admin/users").then().statusCode(401);
        String resigned = parts[0] + "." + parts[1] + "." + b64("not the signature");
        given().auth().oauth2(resigned).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseATokenOfAnotherIssuer() {
        someUser();
        String token = Jwt.issuer("https://evil.example")
                .audience("teleconsult")
                .subject(userId)
                .upn(username)
                .groups("ADMIN")
                .expiresIn(300)
                .jws()
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseAnUnsignedAlgNoneToken() {
        someUser();
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"teleconsult\",\"sub\":\"" + userId + "\",\"upn\":\"" + username
                + "\",\"aud\":\"teleconsult\",\"groups\":[\"ADMIN\"],\"iat\":"
                + Instant.now().getEpochSecond() + ",\"exp\":"
                + Instant.now().plusSeconds(300).getEpochSecond() + "}");
        given().auth()
                .oauth2(header + "." + payload + ".")
                .get("/api/me")
                .then()
                .statusCode(401);
        given().auth().oauth2(header + "." + payload).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() throws Exception {
        someUser();
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var otherKey = generator.generateKeyPair().getPrivate();
        String token = Jwt.issuer("teleconsult")
                .audience("teleconsult")
                .subject(userId)
                .upn(username)
                .groups("ADMIN")
                .expiresIn(300)
                .jws()
                .keyId(keys.keyId())
                .sign(otherKey);
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseAnHmacTokenKeyedWithThePublicKey() {
        someUser();
        // the classic algorithm-confusion attack: HS256 with the RSA public key as the shared secret
        String token = Jwt.issuer("teleconsult")
                .audience("teleconsult")
                .subject(userId)
                .upn(username)
                .groups("ADMIN")
                .expiresIn(300)
                .jws()
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256)
                .sign(new javax.crypto.spec.SecretKeySpec(keys.publicKey().getEncoded(), "HmacSHA256"));
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseATokenWithoutOrForAnotherAudience() {
        someUser();
        var builder = Jwt.issuer("teleconsult")
                .subject(userId)
                .upn(username)
                .groups("SATELLITE_DOCTOR")
                .expiresIn(300);
        String none = builder.jws().keyId(keys.keyId()).sign(keys.privateKey());
        given().auth().oauth2(none).get("/api/me").then().statusCode(401);
        String other = builder.audience("another-application")
                .jws()
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        given().auth().oauth2(other).get("/api/me").then().statusCode(401);
        String ours = builder.audience("teleconsult").jws().keyId(keys.keyId()).sign(keys.privateKey());
        given().auth().oauth2(ours).get("/api/me").then().statusCode(200);
    }

    @Test
    void shouldRefuseTokenOfADeletedOrUnknownUserOnProfile() {
        String token = accessTokens
                .issue(UUID.randomUUID().toString(), "ghost", Set.of(Role.PATIENT), null)
                .token();
        given().auth().oauth2(token).get("/api/me").then().statusCode(404);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
