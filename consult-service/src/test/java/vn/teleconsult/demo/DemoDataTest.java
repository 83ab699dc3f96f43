package vn.teleconsult.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Test
    void shouldLoadTheDemoNetworkOnceWithVietnameseTextIntact() {
        demo.load();
        assertEquals(0, demo.load(), "loading again adds nothing");

        String token = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "password")
                .formParam("username", "specialist")
                .formParam("password", DemoData.PASSWORD)
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
                .body("fullName", equalTo("PGS.TS. Lê Minh Đức"))
                .body("roles[0]", equalTo("HUB_SPECIALIST"))
                .body("hospital.name", equalTo("Bệnh viện Trung ương Hồng Hà"))
                .body("hospital.kind", equalTo("HUB"))
                .body("hospital.timeZone", equalTo("Asia/Ho_Chi_Minh"));
    }

    @Test
    void shouldHaveOneUserOfEachRole() {
        demo.load();
        for (String username : new String[] {"admin", "coordinator", "specialist", "doctor", "patient"}) {
            given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("grant_type", "password")
                    .formParam("username", username)
                    .formParam("password", DemoData.PASSWORD)
                    .post("/api/auth/token")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void shouldGiveEveryDemoAccountAWorklistWithConsults() {
        demo.load();
        for (String username : new String[] {"coordinator", "specialist", "doctor"}) {
            String token = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("grant_type", "password")
                    .formParam("username", username)
                    .formParam("password", DemoData.PASSWORD)
                    .post("/api/auth/token")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("access_token");
            given().auth()
                    .oauth2(token)
                    .get("/api/consults")
                    .then()
                    .statusCode(200)
                    .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        }
    }
}
