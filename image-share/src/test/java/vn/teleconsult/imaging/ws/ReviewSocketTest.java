package vn.teleconsult.imaging.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.api.OpenReviewSession;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.ReviewClient;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.platform.security.TokenWatch;

/** Members of a review session share one view over the review WebSocket; others are kept out. */
@QuarkusTest
class ReviewSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ReviewSessions reviews;

    @Inject
    Tokens tokens;

    @Inject
    AgroalDataSource db;

    @Inject
    AccessTokens accessTokens;

    @Inject
    TokenWatch tokenWatch;

    private final UUID satellite = UUID.randomUUID();
    private final UUID hub = UUID.randomUUID();
    private final UUID consult = UUID.randomUUID();
    private final UUID presenter = UUID.randomUUID();
    private final UUID follower = UUID.randomUUID();

    @Test
    void shouldGiveTheCurrentStateAtOnceAndRelayThePresentersView() throws Exception {
        Ids ids = Ids.fresh();
        store(ids, 1, 2, 3);
        reviews.open(new OpenReviewSession(consult, Set.of(follower), presenter, List.of(ids.studyUid())));

        try (var p = connect(presenter);
                var f = connect(follower)) {
            JsonNode state = f.await("state");
            assertEquals(presenter.toString(), state.get("presenter").asText());
            assertEquals(follower.toString(), state.get("you").asText());
            assertEquals(ids.studyUid(), state.at("/studies/0/studyUid").asText());
            assertEquals(3, state.at("/studies/0/series/0/instances").asInt());
            assertEquals(
                    ids.seriesUid(), state.at("/studies/0/series/0/seriesUid").asText());
            assertEquals(0, state.get("version").asLong());
            p.await("state");

            p.send(Map.of("type", "view", "state", view(ids, 2)));
            JsonNode relayed = f.await("view");
            assertEquals(1, relayed.get("version").asLong());
            assertEquals(2, relayed.at("/view/imageIndex").asInt());
            assertEquals(40.0, relayed.at("/view/window/center").asDouble());
            assertEquals("line", relayed.at("/view/annotations/1/kind").asText());
            assertEquals(42.5, relayed.at("/view/annotations/1/lengthMm").asDouble());
            assertEquals(
                    "Tổn thương 12 mm", relayed.at("/view/annotations/2/text").asText());

            // only the presenter changes the view
            f.send(Map.of("type", "view", "state", view(ids, 0)));
            assertEquals("not-presenter", f.await("error").get("code").asText());

            // a late joiner lands on the current view
            try (var late = connect(follower)) {
                JsonNode lateState = late.await("state");
                assertEquals(1, lateState.get("version").asLong());
                assertEquals(2, lateState.at("/view/imageIndex").asInt());
            }
        }
    }

    @Test
    void shouldRefuseOutsidersWithACloseCodeAndAuditThem() throws Exception {
        Ids ids = Ids.fresh();
        store(ids, 1);
        reviews.open(new OpenReviewSession(consult, Set.of(follower), presenter, List.of(ids.studyUid())));
        UUID outsider = UUID.randomUUID();

        try (var o = ReviewClient.connect(
                base(), ReviewSessions.SOCKET_PATH + consult, tokens.user(outsider, Role.HUB_SPECIALIST, hub))) {
            assertEquals(4403, o.closeCode(WAIT));
            assertTrue(o.seen().isEmpty(), "an outsider is sent nothing");
        }
        assertEquals(1, deniedJoins(outsider));
        try (var anonymous = ReviewClient.connect(base(), ReviewSessions.SOCKET_PATH + consult, null)) {
            assertEquals(4401, anonymous.closeCode(WAIT));
        }
        try (var forged =
                ReviewClient.connect(base(), ReviewSessions.SOCKET_PATH + consult, "eyJhbGciOiJub25lIn0.e30.")) {
            assertEquals(4401, forged.closeCode(WAIT));
        }
        String token = tokens.user(follower, Role.SATELLITE_DOCTOR, satellite);
        try (var bad = ReviewClient.connect(base(), ReviewSessions.SOCKET_PATH + "not-a-consult", token)) {
            assertEquals(4400, bad.closeCode(WAIT));
        }
        try (var noSession = ReviewClient.connect(base(), ReviewSessions.SOCKET_PATH + UUID.randomUUID(), token)) {
            assertEquals(4403, noSession.closeCode(WAIT));
        }
    }

    @Test
    void shouldAnswerMalformedAndHostileMessagesWithAnErrorAndChangeNothing() throws Exception {
        Ids ids = Ids.fresh();
        store(ids, 1);
        reviews.open(new OpenReviewSession(consult, Set.of(follower), presenter, List.of(ids.studyUid())));
        try (var p = connect(presenter)) {
            p.await("state");
            var tooMany = new ArrayList<Object>();
            for (int i = 0; i < 51; i++) {
                tooMany.add(Map.of("kind", "arrow", "from", pt(0, 0), "to", pt(1, 1)));
            }
            List<String> hostile = List.of(
                    "not json",
                    "[1,2]",
                    "{\"type\":\"launch\"}",
                    "{\"type\":\"view\"}",
                    "{\"type\":\"view\",\"state\":{\"studyUid\":\"../../x\",\"imageIndex\":0}}",
                    "{\"type\":\"view\",\"state\":{\"studyUid\":\"" + ids.studyUid() + "\",\"imageIndex\":1e400}}",
                    "{\"type\":\"view\",\"state\":{\"studyUid\":\"" + ids.studyUid() + "\",\"imageIndex\":1.5}}",
                    "{\"type\":\"view\",\"state\":{\"studyUid\":\"" + DicomUids.random() + "\",\"imageIndex\":0}}",
                    "{\"type\":\"view\",\"state\":{\"studyUid\":\"" + ids.studyUid()
                            + "\",\"imageIndex\":0,\"script\":\"<script>\"}}",
                    "{\"type\":\"view\",\"state\":{\"studyUid\":\"" + ids.studyUid()
                            + "\",\"imageIndex\":0,\"annotations\":[{\"kind\":\"text\",\"at\":{\"x\":1,\"y\":1},"
                            + "\"text\":\"a\\u0000b\"}]}}",
                    "{\"type\":\"view\",\"state\":{\"studyUid\":\"" + ids.studyUid()
                            + "\",\"imageIndex\":0,\"annotations\":[{\"kind\":\"circle\"}]}}",
                    "{\"type\":\"view\",\"state\":{\"studyUid\":\"" + ids.studyUid()
                            + "\",\"imageIndex\":0,\"window\":{\"center\":40,\"width\":0}}}",
                    "{\"type\":\"grant-presenter\",\"userId\":\"" + UUID.randomUUID() + "\"}",
                    "{\"type\":\"view\",\"state\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                    "{\"type\":\"view\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
            for (String text : hostile) {
                p.sendText(text);
                JsonNode error = p.await("error");
                assertTrue(error.get("message").asText().length() > 10, text + " → " + error);
            }
            p.send(Map.of(
                    "type",
                    "view",
                    "state",
                    Map.of("studyUid", ids.studyUid(), "imageIndex", 0, "annotations", tooMany)));
            JsonNode tooManyError = p.await("error");
            assertEquals("invalid", tooManyError.get("code").asText());
            assertTrue(tooManyError.get("message").asText().contains("50 annotations"), tooManyError.toString());
            assertEquals(0, version(), "no refused message changed the state");

            p.send(Map.of("type", "view", "state", view(ids, 0)));
            assertEquals(1, p.await("view").get("version").asLong(), "the socket still serves its member");
        }
    }

    @Test
    void shouldStreamStudyAvailabilityCoalescedWithTheFirstImageAtOnce() throws Exception {
        Ids ids = Ids.fresh();
        store(ids, 1);
        reviews.open(new OpenReviewSession(consult, Set.of(follower), presenter, List.of(ids.studyUid())));
        try (var f = connect(follower)) {
            f.await("state");
            Ids other = Ids.fresh();
            store(other, 1);
            reviews.share(consult, other.studyUid());
            JsonNode shared = f.await(
                    m -> "study".equals(m.path("type").asText())
                            && other.studyUid().equals(m.path("studyUid").asText()),
                    WAIT);
            assertEquals(1, shared.at("/series/0/instances").asInt(), "a shared study comes with what is stored");

            int[] more = new int[40];
            for (int i = 0; i < more.length; i++) {
                more[i] = i + 2;
            }
            store(ids, more);
            f.await(
                    m -> "study".equals(m.path("type").asText())
                            && m.at("/series/0/instances").asInt() == 41,
                    WAIT);
            long updates = f.seen().stream()
                    .filter(m -> "study".equals(m.path("type").asText())
                            && ids.studyUid().equals(m.path("studyUid").asText()))
                    .count();
            assertTrue(updates >= 1 && updates < 20, "40 instances announced in " + updates + " messages");
        }
    }

    @Test
    void shouldHandThePresenterRoleOverOnRequestAndEndWithTheSession() throws Exception {
        Ids ids = Ids.fresh();
        store(ids, 1);
        UUID leaving = UUID.randomUUID();
        reviews.open(new OpenReviewSession(consult, Set.of(follower, leaving), presenter, List.of(ids.studyUid())));
        try (var p = connect(presenter);
                var f = connect(follower);
                var l = connect(leaving)) {
            p.await("state");
            f.await("state");
            l.await("state");

            f.send(Map.of("type", "request-presenter"));
            JsonNode asked = p.await("presenter");
            assertEquals(follower.toString(), asked.get("handoverTo").asText());
            p.send(Map.of("type", "decline-presenter"));
            assertTrue(f.await(
                            m -> "presenter".equals(m.path("type").asText())
                                    && m.get("handoverTo").isNull(),
                            WAIT)
                    .get("presenter")
                    .asText()
                    .equals(presenter.toString()));

            f.send(Map.of("type", "request-presenter"));
            p.await(
                    m -> "presenter".equals(m.path("type").asText())
                            && !m.get("handoverTo").isNull(),
                    WAIT);
            p.send(Map.of("type", "grant-presenter", "userId", follower.toString()));
            f.await(
                    m -> "presenter".equals(m.path("type").asText())
                            && follower.toString().equals(m.get("presenter").asText()),
                    WAIT);
            p.send(Map.of("type", "view", "state", view(ids, 0)));
            assertEquals("not-presenter", p.await("error").get("code").asText());
            f.send(Map.of("type", "view", "state", view(ids, 0)));
            assertEquals(follower.toString(), p.await("view").get("presenter").asText());

            reviews.members(consult, Set.of(presenter, follower));
            assertEquals(4403, l.closeCode(WAIT));

            reviews.close(consult);
            p.await("closed");
            assertEquals(1000, p.closeCode(WAIT));
            assertEquals(1000, f.closeCode(WAIT));
        }
    }

    @Test
    void shouldCloseWith4401WhenTheTokenExpires() throws Exception {
        Ids ids = Ids.fresh();
        store(ids, 1);
        reviews.open(new OpenReviewSession(consult, Set.of(follower), presenter, List.of(ids.studyUid())));
        Instant issued = Instant.now();
        String shortLived = accessTokens
                .issue(
                        follower.toString(),
                        "user-" + follower,
                        Set.of(Role.HUB_SPECIALIST),
                        hub,
                        issued,
                        Duration.ofSeconds(3))
                .token();
        try (var p = connect(presenter);
                var f = ReviewClient.connect(base(), ReviewSessions.SOCKET_PATH + consult, shortLived)) {
            f.await("state");
            p.await("state");
            p.send(Map.of("type", "view", "state", view(ids, 0)));
            f.await("view");
            assertEquals(4401, f.closeCode(Duration.ofSeconds(15)));
            Instant closed = Instant.now();
            assertTrue(f.closeReason().contains("expired"), f.closeReason());
            Instant expiry =
                    issued.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(3); // exp in s
            assertTrue(
                    !closed.isBefore(expiry) && closed.isBefore(expiry.plusSeconds(5)),
                    "closed " + Duration.between(expiry, closed) + " after the token's expiry");
            // the presenter goes on; the closed follower gets nothing more
            int seen = f.seen().size();
            p.send(Map.of("type", "view", "state", view(ids, 1)));
            p.send(Map.of("type", "ping"));
            p.await("pong");
            assertEquals(seen, f.seen().size());
        }
    }

    @Test
    void shouldCloseWith4401WhenTheSignInIsRevoked() throws Exception {
        Ids ids = Ids.fresh();
        store(ids, 1);
        reviews.open(new OpenReviewSession(consult, Set.of(follower), presenter, List.of(ids.studyUid())));
        try (var p = connect(presenter);
                var f = connect(follower)) {
            f.await("state");
            p.await("state");
            assertEquals(1, tokenWatch.revoke(token -> follower.toString().equals(token.getSubject())));
            assertEquals(4401, f.closeCode(WAIT));
            assertTrue(f.closeReason().contains("revoked"), f.closeReason());
            p.send(Map.of("type", "ping"));
            p.await("pong");
        }
    }

    private ReviewClient connect(UUID user) {
        return ReviewClient.connect(
                base(), ReviewSessions.SOCKET_PATH + consult, tokens.user(user, Role.HUB_SPECIALIST, hub));
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    private void store(Ids ids, int... instanceNumbers) throws Exception {
        Stow.instances(tokens.doctorOf(satellite), ids, instanceNumbers);
    }

    static Map<String, Object> view(Ids ids, int index) {
        return Map.of(
                "studyUid", ids.studyUid(),
                "seriesUid", ids.seriesUid(),
                "imageIndex", index,
                "window", Map.of("center", 40, "width", 400),
                "zoom", 1.5,
                "pan", pt(10, -5),
                "pointer", pt(64, 64),
                "annotations",
                        List.of(
                                Map.of("kind", "arrow", "from", pt(10, 10), "to", pt(20, 20)),
                                Map.of("kind", "line", "from", pt(0, 0), "to", pt(30, 40), "lengthMm", 42.5),
                                Map.of("kind", "text", "id", "t1", "at", pt(5, 5), "text", "Tổn thương 12 mm")));
    }

    private static Map<String, Object> pt(double x, double y) {
        return Map.of("x", x, "y", y);
    }

    private long version() throws Exception {
        try (var c = db.getConnection();
                var s = c.prepareStatement("select view_version from imaging.review_session where consult_id = ?")) {
            s.setObject(1, consult);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private long deniedJoins(UUID user) throws Exception {
        try (var c = db.getConnection();
                var s = c.prepareStatement("select count(*) from audit.audit_event where actor_id = ? and"
                        + " resource_type = 'ReviewSession' and outcome = 'DENIED'")) {
            s.setString(1, user.toString());
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
