package vn.teleconsult.imaging.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.api.OpenReviewSession;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/** The consult workflow opens review sessions; members get the session's studies, others do not. */
@QuarkusTest
class ReviewSessionServiceTest {

    @Inject
    ReviewSessions reviews;

    @Inject
    ImagingPolicy access;

    @Inject
    Tokens tokens;

    private final UUID satellite = UUID.randomUUID();
    private final UUID hub = UUID.randomUUID();

    @Test
    void shouldOpenOnceAndGrantTheStudiesToItsMembers() throws Exception {
        String first = storeStudy();
        String second = storeStudy();
        UUID consult = UUID.randomUUID();
        UUID specialist = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();

        var opened = reviews.open(new OpenReviewSession(consult, Set.of(doctor), specialist, List.of(first)));
        assertEquals("OPEN", opened.state());
        assertEquals(specialist, opened.presenterUserId());
        assertEquals(Set.of(doctor, specialist), opened.memberUserIds(), "the presenter is always a member");
        assertEquals(List.of(first), opened.studyUids());
        assertTrue(access.canRead(hubUser(specialist), first));
        assertFalse(access.canRead(hubUser(outsider), first));
        // DICOMweb honours the grant like any consult grant
        given().auth()
                .oauth2(tokens.user(specialist, Role.HUB_SPECIALIST, hub))
                .get("/dicom-web/studies/" + first + "/metadata")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokens.user(outsider, Role.HUB_SPECIALIST, hub))
                .get("/dicom-web/studies/" + first + "/metadata")
                .then()
                .statusCode(404);

        // opening again answers the same session and adds the studies
        var again = reviews.open(new OpenReviewSession(consult, Set.of(), specialist, List.of(second)));
        assertEquals(opened.id(), again.id());
        assertEquals(List.of(first, second), again.studyUids());
        assertTrue(access.canRead(hubUser(doctor), second));
        assertEquals(again, reviews.find(consult).orElseThrow());
    }

    @Test
    void shouldShareMoreStudiesAndFollowMemberChanges() throws Exception {
        String first = storeStudy();
        String later = storeStudy();
        UUID consult = UUID.randomUUID();
        UUID presenter = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        UUID joining = UUID.randomUUID();
        reviews.open(new OpenReviewSession(consult, Set.of(leaving), presenter, List.of(first)));

        var shared = reviews.share(consult, later);
        assertEquals(List.of(first, later), shared.studyUids());
        assertTrue(access.canRead(hubUser(leaving), later));
        assertEquals(shared, reviews.share(consult, later), "sharing twice changes nothing");

        var changed = reviews.members(consult, Set.of(presenter, joining));
        assertEquals(Set.of(presenter, joining), changed.memberUserIds());
        assertTrue(access.canRead(hubUser(joining), first));
        assertTrue(access.canRead(hubUser(joining), later));
        assertFalse(access.canRead(hubUser(leaving), first), "a removed member loses the consult's grants");
        assertFalse(access.canRead(hubUser(leaving), later));
        assertEquals(presenter, changed.presenterUserId());

        var withoutPresenter = reviews.members(consult, Set.of(joining));
        assertNull(withoutPresenter.presenterUserId(), "a removed presenter leaves the floor empty");
    }

    @Test
    void shouldCloseOnceAndOpenANewSessionAfterwards() throws Exception {
        String study = storeStudy();
        UUID consult = UUID.randomUUID();
        UUID presenter = UUID.randomUUID();
        var first = reviews.open(new OpenReviewSession(consult, Set.of(), presenter, List.of(study)));

        reviews.close(consult);
        var closed = reviews.find(consult).orElseThrow();
        assertEquals("CLOSED", closed.state());
        assertTrue(closed.closedAt() != null && !closed.closedAt().isBefore(closed.openedAt()));
        reviews.close(consult); // closing a closed session changes nothing
        assertEquals(closed, reviews.find(consult).orElseThrow());
        assertEquals(404, status(() -> reviews.share(consult, study)));
        assertEquals(404, status(() -> reviews.members(consult, Set.of(presenter))));

        var second = reviews.open(new OpenReviewSession(consult, Set.of(), presenter, List.of()));
        assertNotEquals(first.id(), second.id());
        assertEquals("OPEN", reviews.find(consult).orElseThrow().state());
        assertTrue(reviews.find(UUID.randomUUID()).isEmpty());
    }

    @Test
    void shouldRefuseBadInputAndChangeNothing() throws Exception {
        String study = storeStudy();
        UUID consult = UUID.randomUUID();
        UUID presenter = UUID.randomUUID();
        assertEquals(
                400,
                status(() -> reviews.open(
                        new OpenReviewSession(consult, Set.of(), presenter, List.of(study, "../../etc/passwd")))));
        assertEquals(
                404,
                status(() -> reviews.open(
                        new OpenReviewSession(consult, Set.of(), presenter, List.of(study, DicomUids.random())))));
        assertTrue(reviews.find(consult).isEmpty(), "a refused open leaves no session");
        assertEquals(404, status(() -> reviews.share(consult, study)), "no session to share into");

        reviews.open(new OpenReviewSession(consult, Set.of(), presenter, List.of(study)));
        assertEquals(400, status(() -> reviews.share(consult, "1.2.x")));
        assertEquals(404, status(() -> reviews.share(consult, DicomUids.random())));
        assertEquals(400, status(() -> reviews.members(consult, Set.of())));
        assertEquals(400, status(() -> reviews.members(null, Set.of(presenter))));
        var tooMany = new java.util.HashSet<UUID>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(UUID.randomUUID());
        }
        assertEquals(400, status(() -> reviews.members(consult, tooMany)));
        var unchanged = reviews.find(consult).orElseThrow();
        assertEquals(Set.of(presenter), unchanged.memberUserIds());
        assertEquals(List.of(study), unchanged.studyUids());
    }

    private String storeStudy() throws Exception {
        var ids = Ids.fresh();
        Stow.instances(tokens.doctorOf(satellite), ids, 1);
        return ids.studyUid();
    }

    private Actor hubUser(UUID id) {
        return new Actor(id.toString(), "user-" + id, Set.of(Role.HUB_SPECIALIST), hub);
    }

    private static int status(Runnable call) {
        return assertThrows(ProblemException.class, call::run).status();
    }
}
