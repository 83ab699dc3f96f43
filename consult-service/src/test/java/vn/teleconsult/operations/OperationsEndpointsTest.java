package vn.teleconsult.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The fixed operational interfaces: health with the database, OpenAPI, metrics, and the web client at /. */
@QuarkusTest
class OperationsEndpointsTest {

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
    void shouldExposePrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
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
