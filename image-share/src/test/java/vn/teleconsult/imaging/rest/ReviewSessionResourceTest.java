package vn.teleconsult.imaging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.security.Role;

/** Coordinators and systems open review sessions over REST for studies they may read; members look them up. */
@QuarkusTest
class ReviewSessionResourceTest {

    @Inject
    Tokens tokens;

    private final UUID hospital = UUID.randomUUID();

    @Test
    void shouldOpenForACoordinatorAndShowItToMembersOnly() throws Exception {
        String study = storeStudy(hospital);
        UUID consult = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        String coordinator = tokens.user(UUID.randomUUID(), Role.COORDINATOR, hospital);
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(request(consult, specialist, study))
                .post("/api/imaging/review-sessions")
                .then()
                .statusCode(201)
                .body("session.state", equalTo("OPEN"))
                .body("session.studyUids", hasItem(study))
                .body("socketPath", equalTo("/api/imaging/review/" + consult));

        given().auth()
                .oauth2(tokens.user(specialist, Role.HUB_SPECIALIST, UUID.randomUUID()))
                .get("/api/imaging/review-sessions/" + consult)
                .then()
                .statusCode(200)
                .body("session.presenterUserId", equalTo(specialist.toString()));
        given().auth()
                .oauth2(tokens.user(UUID.randomUUID(), Role.HUB_SPECIALIST, hospital))
                .get("/api/imaging/review-sessions/" + consult)
                .then()
                .statusCode(404);
        given().get("/api/imaging/review-sessions/" + consult).then().statusCode(401);
    }

    @Test
    void shouldRefuseBadRequestsOtherHospitalsStudiesAndOtherRoles() throws Exception {
        String study = storeStudy(hospital);
        String otherHospitals = storeStudy(UUID.randomUUID());
        String coordinator = tokens.user(UUID.randomUUID(), Role.COORDINATOR, hospital);
        UUID consult = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        post(coordinator, "{").then().statusCode(400);
        post(coordinator, "{}").then().statusCode(400);
        post(coordinator, Map.of("consultId", "x", "presenterUserId", specialist.toString()))
                .then()
                .statusCode(400);
        post(
                        coordinator,
                        Map.of(
                                "consultId", consult.toString(),
                                "presenterUserId", specialist.toString(),
                                "studyUids", List.of("../../etc")))
                .then()
                .statusCode(400);
        post(coordinator, request(consult, specialist, otherHospitals)).then().statusCode(404);
        post(tokens.doctorOf(hospital), request(consult, specialist, study))
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokens.user(specialist, Role.HUB_SPECIALIST, hospital))
                .get("/api/imaging/review-sessions/" + consult)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tokens.user(specialist, Role.HUB_SPECIALIST, hospital))
                .get("/api/imaging/review-sessions/not-a-uuid")
                .then()
                .statusCode(400);
    }

    private static Map<String, Object> request(UUID consult, UUID presenter, String study) {
        return Map.of(
                "consultId", consult.toString(),
                "memberUserIds", List.of(UUID.randomUUID().toString()),
                "presenterUserId", presenter.toString(),
                "studyUids", List.of(study));
    }

    private static io.restassured.response.Response post(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/imaging/review-sessions");
    }

    private String storeStudy(UUID owner) throws Exception {
        var ids = Ids.fresh();
        given().auth()
                .oauth2(tokens.doctorOf(owner))
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(ids, DicomUids.random(), 1, 8, 8))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        return ids.studyUid();
    }
}
