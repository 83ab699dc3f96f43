package vn.teleconsult.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/** The fixed operational interfaces: health with the database, OpenAPI, metrics (signed in), the web client at /. */
@QuarkusTest
class OperationsEndpointsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void shouldReportHealthIncludingTheDatabase() {
        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void shouldPublishTheOpenApiDocument() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/auth/token"));
    }

    @Test
    void shouldServeMetricsOnlyToNetworkAdministratorsAndSystemClients() {
        given().get("/q/metrics").then().statusCode(401).body(not(containsString("http_server_requests")));
        given().auth().oauth2("not-a-token").get("/q/metrics").then().statusCode(401);
        var hub = fixtures.hospital(HospitalKind.HUB);
        for (Role role : List.of(Role.ADMIN, Role.COORDINATOR, Role.HUB_SPECIALIST)) {
            // a hospital's administrator and staff see nothing of the whole platform
            given().auth()
                    .oauth2(Fixtures.token(fixtures.user(role, hub)))
                    .get("/q/metrics")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(Fixtures.token(fixtures.user(Role.PATIENT, null)))
                .get("/q/metrics")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(Fixtures.token(fixtures.user(Role.ADMIN, null)))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests"));
        given().auth()
                .oauth2(systemClientToken(hub))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests"));
    }

    private String systemClientToken(java.util.UUID hospital) {
        var networkAdmin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        var client = given().auth()
                .oauth2(networkAdmin)
                .contentType("application/json")
                .body(java.util.Map.of("name", "Prometheus", "hospitalId", hospital))
                .post("/api/admin/clients")
                .then()
                .statusCode(201)
                .extract();
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", client.path("clientId").toString())
                .formParam("client_secret", client.path("clientSecret").toString())
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    @Test
    void shouldTellNothingBeyondStatusInHealthAndNothingOfDataInOpenApi() {
        String health =
                given().get("/q/health").then().statusCode(200).extract().asString();
        String openapi = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .extract()
                .asString();
        for (String secret : List.of("jdbc:", "password", "secret", "admin-url", "7088", "/admin")) {
            org.junit.jupiter.api.Assertions.assertFalse(
                    health.toLowerCase().contains(secret), "health tells " + secret + ": " + health);
        }
        for (String data : List.of("Demo-Consult-2026", "jdbc:", "BEGIN PRIVATE KEY")) {
            org.junit.jupiter.api.Assertions.assertFalse(openapi.contains(data), "openapi tells " + data);
        }
    }

    @Test
    void shouldServeTheWebClientAtTheRoot() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<div"));
    }

    @Test
    void shouldAnswerUnknownApiPathsWithAProblem() {
        given().get("/api/no-such-thing").then().statusCode(404);
    }
}
