package vn.teleconsult.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.ConsultNetwork;

/**
 * Two instances of the packaged application against one database: the one {@code @QuarkusIntegrationTest} starts (A)
 * and a second one this test starts from the same jar (B). A presenter on A and a follower on B share one review
 * session: the view, the hand-over and study arrivals on one instance reach the participant on the other, through
 * PostgreSQL LISTEN/NOTIFY. The session is the consult workflow's: a demo consult taken to IN_SESSION over REST (its
 * room on the Janus that consult-service's tests start), with the satellite's study attached.
 */
@QuarkusIntegrationTest
class ReviewSessionReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static SecondInstance second;
    private static String secondUrl;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        second = SecondInstance.start("second-instance.log");
        secondUrl = second.url();
    }

    @AfterAll
    static void stopSecondInstance() throws Exception {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void shouldCarryAReviewSessionAcrossTwoInstances() throws Exception {
        String first = RestAssured.baseURI.replace("localhost", "127.0.0.1") + ":" + RestAssured.port;
        String coordinator = token("coordinator");
        String specialist = token("specialist");
        String doctor = token("doctor");
        String studyUid =
                "2.25." + new java.math.BigInteger(UUID.randomUUID().toString().replace("-", ""), 16);
        String seriesUid = studyUid + ".1";
        // the satellite's study, attached to its consult: the consult workflow opens the review session for the
        // consult's own participants (there is no REST call that opens one)
        stow(first, doctor, dicom(studyUid, seriesUid, seriesUid + ".1"));
        var net = new ConsultNetwork.Net(
                claim(coordinator, "hospital_id"),
                claim(doctor, "hospital_id"),
                UUID.fromString(subject(coordinator)),
                coordinator,
                UUID.fromString(subject(specialist)),
                specialist,
                null,
                null,
                UUID.fromString(subject(doctor)),
                doctor,
                null,
                null);
        // the demo specialist's own consult schedule: a second one of the same hours would overlap it (409)
        String schedule = ConsultNetwork.signedIn(specialist)
                .get("/api/scheduling/schedules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .param("me", subject(specialist))
                .getString("find { it.kind == 'CONSULT_SESSION' && it.resourceId == me }.id");
        UUID consult = ConsultNetwork.inSession(net, schedule);
        ConsultNetwork.as(doctor)
                .body(Map.of("studyUid", studyUid))
                .post("/api/consults/{id}/studies", consult)
                .then()
                .statusCode(200);
        given().baseUri(secondUrl)
                .port(-1)
                .auth()
                .oauth2(doctor)
                .get("/api/imaging/review-sessions/{consult}", consult)
                .then()
                .statusCode(200);

        try (var presenter = Participant.connect(first, consult, specialist);
                var follower = Participant.connect(secondUrl, consult, doctor)) {
            presenter.await("state");
            assertEquals(
                    1,
                    follower.await("state").at("/studies/0/series/0/instances").asInt());

            // the presenter's view set on A reaches the follower on B
            long sent = System.nanoTime();
            presenter.send(Map.of(
                    "type",
                    "view",
                    "state",
                    Map.of("studyUid", studyUid, "seriesUid", seriesUid, "imageIndex", 0, "zoom", 2.0)));
            JsonNode view = follower.await("view");
            System.out.printf("review view change A -> B in %.1f ms%n", (System.nanoTime() - sent) / 1e6);
            assertEquals(2.0, view.at("/view/zoom").asDouble());
            assertEquals(subject(specialist), view.get("presenter").asText());

            // an instance stored on A is announced to the follower on B
            stow(first, doctor, dicom(studyUid, seriesUid, seriesUid + ".2"));
            follower.await(m -> "study".equals(m.path("type").asText())
                    && m.at("/series/0/instances").asInt() == 2);

            // hand-over asked on B, granted on A
            follower.send(Map.of("type", "request-presenter"));
            presenter.await(m -> "presenter".equals(m.path("type").asText())
                    && subject(doctor).equals(m.path("handoverTo").asText()));
            presenter.send(Map.of("type", "grant-presenter", "userId", subject(doctor)));
            follower.await(m -> "presenter".equals(m.path("type").asText())
                    && subject(doctor).equals(m.path("presenter").asText()));
            follower.send(Map.of("type", "view", "state", Map.of("studyUid", studyUid, "imageIndex", 0)));
            assertEquals(
                    subject(doctor), presenter.await("view").get("presenter").asText());
        }
    }

    private static String token(String username) {
        return given().formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", "Demo-Consult-2026")
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static UUID claim(String token, String name) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return UUID.fromString(JSON.readTree(payload).get(name).asText());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(String token) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return JSON.readTree(payload).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stow(String base, String token, byte[] instance) {
        String boundary = "replicas-it";
        var body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(instance);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        given().baseUri(base)
                .port(-1)
                .auth()
                .oauth2(token)
                .contentType("multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .body(body.toByteArray())
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    /** pydicom's real CT_small.dcm under new UIDs. */
    private static byte[] dicom(String study, String series, String sop) throws Exception {
        var list = new AttributeList();
        list.read(new File("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm"));
        for (var entry : Map.of(
                        TagFromName.StudyInstanceUID, study,
                        TagFromName.SeriesInstanceUID, series,
                        TagFromName.SOPInstanceUID, sop)
                .entrySet()) {
            AttributeTag tag = entry.getKey();
            Attribute attribute = list.get(tag);
            attribute.removeValues();
            attribute.addValue(entry.getValue());
        }
        list.removeGroupLengthAttributes();
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TESTS");
        var out = new ByteArrayOutputStream();
        list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
        return out.toByteArray();
    }

    /** One review WebSocket participant. */
    private static final class Participant implements WebSocket.Listener, AutoCloseable {
        private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Participant connect(String base, UUID consult, String token) {
            var participant = new Participant();
            participant.socket = HTTP.newWebSocketBuilder()
                    .buildAsync(
                            URI.create(base.replaceFirst("^http", "ws") + "/api/imaging/review/" + consult
                                    + "?access_token=" + token),
                            participant)
                    .join();
            return participant;
        }

        void send(Object message) throws Exception {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        }

        JsonNode await(String type) throws Exception {
            return await(m -> type.equals(m.path("type").asText()));
        }

        JsonNode await(Predicate<JsonNode> matching) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                JsonNode next = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no matching review message within " + WAIT);
                }
                if (matching.test(next)) {
                    return next;
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    inbox.add(JSON.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
