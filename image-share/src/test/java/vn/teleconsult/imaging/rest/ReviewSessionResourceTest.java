package vn.teleconsult.imaging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.api.OpenReviewSession;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.imaging.testing.AuditRows;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.security.Role;

/**
 * Review sessions are opened only by the consult workflow (through {@link ReviewSessions}); over REST a member looks
 * one up, and nobody can open or extend one (issue 14, finding 1).
 */
@QuarkusTest
class ReviewSessionResourceTest {

    @Inject
    Tokens tokens;

    @Inject
    ReviewSessions reviews;

    @Inject
    AgroalDataSource db;

    private final UUID hospital = UUID.randomUUID();

    @Test
    void shouldNotLetACoordinatorGiveAnUnrelatedUserAStudyOverRest() throws Exception {
        String study = storeStudy(hospital);
        UUID outsider = UUID.randomUUID();
        String outsiderToken = tokens.user(outsider, Role.SATELLITE_DOCTOR, UUID.randomUUID());
        metadata(outsiderToken, study).then().statusCode(404);

        for (Role role : List.of(Role.COORDINATOR, Role.SYSTEM, Role.HUB_SPECIALIST, Role.ADMIN)) {
            String caller = tokens.user(UUID.randomUUID(), role, hospital);
            var answer = given().auth()
                    .oauth2(caller)
                    .contentType(ContentType.JSON)
                    .body(request(UUID.randomUUID(), outsider, study))
                    .post("/api/imaging/review-sessions");
            assertTrue(answer.statusCode() == 404 || answer.statusCode() == 405, role + ": " + answer.statusCode());
        }
        metadata(outsiderToken, study).then().statusCode(404);
    }

    @Test
    void shouldNotLetACoordinatorJoinOrExtendAnotherHubsLiveSession() throws Exception {
        String study = storeStudy(hospital);
        String theirs = storeStudy(UUID.randomUUID());
        UUID consult = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        reviews.open(new OpenReviewSession(consult, Set.of(), specialist, List.of(theirs)));

        String coordinator = tokens.user(UUID.randomUUID(), Role.COORDINATOR, hospital);
        var answer = given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(request(consult, specialist, study))
                .post("/api/imaging/review-sessions");
        assertTrue(answer.statusCode() == 404 || answer.statusCode() == 405, answer.asString());
        assertEquals(List.of(theirs), reviews.find(consult).orElseThrow().studyUids());
        given().auth()
                .oauth2(coordinator)
                .get("/api/imaging/review-sessions/" + consult)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldShowTheSessionToMembersOnlyAndAuditBoth() throws Exception {
        String study = storeStudy(hospital);
        UUID consult = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        reviews.open(new OpenReviewSession(consult, Set.of(doctor), specialist, List.of(study)));

        given().auth()
                .oauth2(tokens.user(specialist, Role.HUB_SPECIALIST, UUID.randomUUID()))
                .get("/api/imaging/review-sessions/" + consult)
                .then()
                .statusCode(200)
                .body("session.presenterUserId", equalTo(specialist.toString()))
                .body("session.studyUids", hasItem(study))
                .body("socketPath", equalTo("/api/imaging/review/" + consult));
        UUID stranger = UUID.randomUUID();
        given().auth()
                .oauth2(tokens.user(stranger, Role.HUB_SPECIALIST, hospital))
                .get("/api/imaging/review-sessions/" + consult)
                .then()
                .statusCode(404);
        given().get("/api/imaging/review-sessions/" + consult).then().statusCode(401);
        given().auth()
                .oauth2(tokens.user(specialist, Role.HUB_SPECIALIST, hospital))
                .get("/api/imaging/review-sessions/not-a-uuid")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(tokens.user(specialist, Role.HUB_SPECIALIST, hospital))
                .get("/api/imaging/review-sessions/" + UUID.randomUUID())
                .then()
                .statusCode(404);

        var refused = AuditRows.of(db, stranger.toString(), "ReviewSession");
        assertEquals(1, refused.size(), refused.toString());
        assertEquals("DENIED", refused.get(0).outcome());
        assertEquals(
                1,
                AuditRows.of(db, specialist.toString(), "ReviewSession").stream()
                        .filter(r -> r.outcome().equals("SUCCESS"))
                        .count());
    }

    @Test
    void shouldAuditEveryGrantOfTheWorkflowAndEveryRefusal() throws Exception {
        var ids = Ids.fresh();
        Stow.instances(tokens.doctorOf(hospital), ids, 1);
        UUID consult = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        reviews.open(new OpenReviewSession(consult, Set.of(doctor), specialist, List.of(ids.studyUid())));

        var grants = AuditRows.mentioning(db, "ImagingStudyGrant", consult.toString());
        assertEquals(1, grants.size(), grants.toString());
        assertEquals(ids.studyUid(), grants.get(0).resourceId());
        assertEquals(ids.patientId(), grants.get(0).patientRef(), "a grant names the patient whose images it opens");
        assertTrue(
                grants.get(0).detail().contains(doctor.toString()),
                grants.get(0).detail());
        assertTrue(
                grants.get(0).detail().contains(specialist.toString()),
                grants.get(0).detail());

        // sharing an unknown study into it, or anything into a consult without a session: refused and recorded
        String unknown = "2.25." + Math.abs(UUID.randomUUID().getMostSignificantBits());
        assertEquals(404, status(() -> reviews.share(consult, unknown)));
        UUID none = UUID.randomUUID();
        assertEquals(404, status(() -> reviews.share(none, ids.studyUid())));
        assertEquals(
                1,
                AuditRows.mentioning(db, "ReviewSession", "share consult=" + none).stream()
                        .filter(r -> r.outcome().equals("DENIED"))
                        .count());
        assertEquals(
                1,
                AuditRows.mentioning(db, "ReviewSession", "share consult=" + consult).stream()
                        .filter(r -> r.outcome().equals("DENIED"))
                        .count());
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (vn.teleconsult.platform.problem.ProblemException e) {
            return e.status();
        }
    }

    private static Map<String, Object> request(UUID consult, UUID member, String study) {
        return Map.of(
                "consultId", consult.toString(),
                "memberUserIds", List.of(member.toString()),
                "presenterUserId", member.toString(),
                "studyUids", List.of(study));
    }

    private static io.restassured.response.Response metadata(String token, String study) {
        return given().auth().oauth2(token).get("/dicom-web/studies/" + study + "/metadata");
    }

    private String storeStudy(UUID owner) throws Exception {
        var ids = Ids.fresh();
        Stow.instances(tokens.doctorOf(owner), ids, 1);
        return ids.studyUid();
    }
}
