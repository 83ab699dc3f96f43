package vn.teleconsult.identity;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Role;

/**
 * With {@code teleconsult.auth.external.*} set, the platform trusts an external OpenID Connect issuer (Keycloak-style
 * roles in {@code realm_access.roles}) instead of its own tokens.
 */
@QuarkusTest
@TestProfile(ExternalIssuerTest.KeycloakLike.class)
class ExternalIssuerTest {

    static final String ISSUER = "https://sso.benhvien.example/realms/teleconsult";
    static final KeyPair KEYS = generate();
    static final String AUDIENCE = "teleconsult-api";

    /** Publishes the external issuer's key set as a file, the way a JWKS URL would. */
    public static class KeycloakLike implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                var jwk = new RsaJsonWebKey((RSAPublicKey) KEYS.getPublic());
                jwk.setKeyId("external-1");
                jwk.setAlgorithm("RS256");
                Path jwks = Files.createTempFile("external-jwks", ".json");
                Files.writeString(jwks, new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
                jwks.toFile().deleteOnExit();
                return Map.of(
                        "teleconsult.auth.external.issuer",
                        ISSUER,
                        "teleconsult.auth.external.jwks-url",
                        jwks.toUri().toString(),
                        "teleconsult.auth.external.roles-claim",
                        "realm_access/roles",
                        "teleconsult.auth.external.hospital-claim",
                        "hospital",
                        "teleconsult.auth.external.user-id-claim",
                        "teleconsult_user_id",
                        "teleconsult.auth.external.audience",
                        AUDIENCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    AccessTokens ownTokens;

    private static String externalToken(String issuer, List<String> roles, UUID hospital, KeyPair keys) {
        return externalToken(issuer, roles, hospital, keys, UUID.randomUUID());
    }

    private static String externalToken(String issuer, List<String> roles, UUID hospital, KeyPair keys, UUID user) {
        var builder = Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .subject("keycloak-" + UUID.randomUUID())
                .claim("teleconsult_user_id", user.toString())
                .claim("preferred_username", "sso-user")
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(300);
        if (hospital != null) {
            builder.claim("hospital", hospital.toString());
        }
        return builder.jws().keyId("external-1").sign(keys.getPrivate());
    }

    @Test
    void shouldAcceptTheExternalIssuersTokensWithItsRolesAndHospital() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        given().auth()
                .oauth2(externalToken(ISSUER, List.of("ADMIN", "offline_access"), hub, KEYS))
                .get("/api/admin/hospitals")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(List.of(hub.toString())));
        given().auth()
                .oauth2(externalToken(ISSUER, List.of("PATIENT"), null, KEYS))
                .get("/api/admin/hospitals")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldKnowTheUserByTheConfiguredUserIdClaim() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        String username = fixtures.user(Role.COORDINATOR, hub);
        given().auth()
                .oauth2(externalToken(ISSUER, List.of("COORDINATOR"), hub, KEYS, fixtures.userId(username)))
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(username));
        given().auth()
                .oauth2(externalToken(ISSUER, List.of("COORDINATOR"), hub, KEYS, UUID.randomUUID()))
                .get("/api/me")
                .then()
                .statusCode(404);
        String badHospital = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("keycloak-x")
                .claim("teleconsult_user_id", fixtures.userId(username).toString())
                .claim("realm_access", Map.of("roles", List.of("COORDINATOR")))
                .claim("hospital", "../../etc")
                .expiresIn(300)
                .jws()
                .keyId("external-1")
                .sign(KEYS.getPrivate());
        given().auth().oauth2(badHospital).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseOwnTokensAndOtherIssuersOrKeys() {
        String own = ownTokens
                .issue(UUID.randomUUID().toString(), "local", Set.of(Role.ADMIN), null)
                .token();
        given().auth().oauth2(own).get("/api/admin/hospitals").then().statusCode(401);
        given().formParam("grant_type", "password")
                .formParam("username", "admin")
                .formParam("password", "whatever")
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .body("error_description", org.hamcrest.Matchers.containsString(ISSUER));
        given().auth()
                .oauth2(externalToken("https://other.example", List.of("ADMIN"), null, KEYS))
                .get("/api/admin/hospitals")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(externalToken(ISSUER, List.of("ADMIN"), null, generate()))
                .get("/api/admin/hospitals")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseExternalTokensForAnotherAudience() {
        String noAudience = Jwt.issuer(ISSUER)
                .subject("keycloak-y")
                .claim("teleconsult_user_id", UUID.randomUUID().toString())
                .claim("realm_access", Map.of("roles", List.of("ADMIN")))
                .expiresIn(300)
                .jws()
                .keyId("external-1")
                .sign(KEYS.getPrivate());
        given().auth().oauth2(noAudience).get("/api/admin/hospitals").then().statusCode(401);
        String otherAudience = Jwt.issuer(ISSUER)
                .audience("account")
                .subject("keycloak-y")
                .claim("teleconsult_user_id", UUID.randomUUID().toString())
                .claim("realm_access", Map.of("roles", List.of("ADMIN")))
                .expiresIn(300)
                .jws()
                .keyId("external-1")
                .sign(KEYS.getPrivate());
        given().auth().oauth2(otherAudience).get("/api/admin/hospitals").then().statusCode(401);
    }

    @Test
    void shouldRefuseTheExternalTokensOfAUserDisabledHereAtOnce() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        String username = fixtures.user(Role.COORDINATOR, hub);
        UUID user = fixtures.userId(username);
        String token = externalToken(ISSUER, List.of("COORDINATOR"), hub, KEYS, user);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        String admin = externalToken(ISSUER, List.of("ADMIN"), hub, KEYS);

        given().auth()
                .oauth2(admin)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("fullName", "Tắt", "roles", List.of("COORDINATOR"), "hospitalId", hub, "enabled", false))
                .put("/api/admin/users/" + user)
                .then()
                .statusCode(200);

        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
