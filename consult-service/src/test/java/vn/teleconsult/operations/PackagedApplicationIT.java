package vn.teleconsult.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The built application, started from its jar as {@code ./teleconsult run} starts it (demo profile): migrations found
 * inside the module jars, the web client served, a demo user signs in and calls a protected endpoint.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT {

    @Test
    void shouldServeTheLoginPageAndLetADemoUserIn() {
        given().get("/").then().statusCode(200).body(containsString("<title>TeleConsult</title>"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        String token = given().formParam("grant_type", "password")
                .formParam("username", "doctor")
                .formParam("password", "Demo-Consult-2026")
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");

        given().auth()
                .oauth2(token)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("doctor"))
                .body("hospital.kind", equalTo("SATELLITE"));
        given().get("/api/me").then().statusCode(401);
    }
}
