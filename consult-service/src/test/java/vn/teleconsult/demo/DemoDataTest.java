package vn.teleconsult.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    void shouldOfferTheDemoHubsSchedulesOnceHoweverOftenItStarts() {
        demo.loadAndAnnounce();
        demo.loadAndAnnounce();
        var services = given().get("/api/scheduling/public/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of(List.of("VIDEO", "IN_PERSON")),
                services.getList("services.findAll { it.hospitalCode == 'HUB-HONGHA' }.modes"));
        assertTrue(services.getList("videoIcd10").contains("E11"));

        String coordinator = token("coordinator");
        given().auth()
                .oauth2(coordinator)
                .get("/api/scheduling/schedules")
                .then()
                .statusCode(200)
                .body("findAll { it.serviceCode == 'consult-imaging' }.size()", equalTo(1))
                .body("findAll { it.serviceCode == 'followup-chronic' }.size()", equalTo(1));
        given().auth()
                .oauth2(token("doctor"))
                .queryParam("kind", "CONSULT_SESSION")
                .queryParam("specialty", "Chẩn đoán hình ảnh")
                .queryParam("from", Instant.now().toString())
                .queryParam("to", Instant.now().plus(Duration.ofDays(14)).toString())
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .body("size()", greaterThan(0));
    }

    private static String token(String username) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", DemoData.PASSWORD)
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
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

    @Test
    void shouldGiveDemoAccountsAPasswordThatMeetsThePasswordRules() {
        var policy = new vn.teleconsult.identity.service.PasswordPolicy();
        for (var user : DemoData.USERS) {
            assertEquals(DemoData.PASSWORD, policy.accept(user.username(), DemoData.PASSWORD));
        }
    }
}
