package vn.teleconsult.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged application sharing one database: a sign-in revoked on instance A makes its access
 * token answer 401 on instance B within 5 s, although B had verified and remembered that token (issue 14, finding 4).
 */
@QuarkusIntegrationTest
class RevocationReplicasIT {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static SecondInstance b;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        b = SecondInstance.start("revocation-second-instance.log");
    }

    @AfterAll
    static void stopSecondInstance() throws Exception {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void shouldRefuseOnInstanceBATokenWhoseSignInWasRevokedOnInstanceA() {
        String a = RestAssured.baseURI.replace("localhost", "127.0.0.1") + ":" + RestAssured.port;
        var signIn = signIn(a, "doctor");
        String access = signIn.path("access_token");
        var other = signIn(a, "doctor");
        // B verifies and remembers the token (decision 0015), so only the revocation list can stop it there
        for (int i = 0; i < 3; i++) {
            assertEquals(200, me(b.url(), access));
        }

        long revoked = System.nanoTime();
        given().baseUri(a)
                .port(-1)
                .formParam("token", signIn.<String>path("refresh_token"))
                .post("/api/auth/revoke")
                .then()
                .statusCode(200);
        assertEquals(401, me(a, access), "refused at once on the instance that revoked it");

        long deadline = revoked + LIMIT.toNanos();
        int status;
        do {
            status = me(b.url(), access);
            if (status != 401) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        } while (status != 401 && System.nanoTime() < deadline);
        double millis = (System.nanoTime() - revoked) / 1e6;
        System.out.printf("revocation on A refused on B after %.1f ms%n", millis);
        assertEquals(401, status, "still accepted on B " + LIMIT.toSeconds() + " s after the revocation on A");
        assertTrue(millis <= LIMIT.toMillis());
        // the user's other sign-in is untouched, on both instances
        assertEquals(200, me(b.url(), other.path("access_token")));
        assertEquals(200, me(a, other.path("access_token")));
    }

    private static ExtractableResponse<Response> signIn(String base, String username) {
        return given().baseUri(base)
                .port(-1)
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", "Demo-Consult-2026")
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract();
    }

    private static int me(String base, String token) {
        return given().baseUri(base)
                .port(-1)
                .auth()
                .oauth2(token)
                .get("/api/me")
                .statusCode();
    }
}
