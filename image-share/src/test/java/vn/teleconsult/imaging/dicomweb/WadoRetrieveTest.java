package vn.teleconsult.imaging.dicomweb;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.storage.InstanceStorage;
import vn.teleconsult.imaging.testing.Commands;
import vn.teleconsult.imaging.testing.MultipartBody;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;
import vn.teleconsult.platform.security.Role;

/**
 * WADO-RS of whole series and studies: every stored file sent exactly (by sendfile over HTTP/1.1, by buffers over
 * HTTP/2), with the access check and one audit entry per retrieval, and files closed when a client leaves half-way.
 */
@QuarkusTest
class WadoRetrieveTest {

    private static final String ACCEPT = "multipart/related; type=\"application/dicom\"";

    @Inject
    Tokens tokens;

    @Inject
    AgroalDataSource db;

    @Inject
    InstanceStorage storage;

    @TestHTTPResource("/")
    URI server;

    private final UUID hospital = UUID.randomUUID();

    @Test
    void shouldSendEveryFileOfASeriesOfManyInstancesExactlyAsStoredAndAuditOnce() throws Exception {
        UUID user = UUID.randomUUID();
        String token = tokens.user(user, Role.SATELLITE_DOCTOR, hospital);
        var ids = Ids.fresh();
        // more files than the writer keeps in flight, of different sizes
        var files = new ArrayList<byte[]>();
        for (int n = 1; n <= 3 * PartsRegion.AHEAD + 5; n++) {
            files.add(TestDicom.ct(ids, DicomUids.random(), n, 64 + n, 64));
        }
        store(token, files);
        String series = "/dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid();

        var response = given().auth()
                .oauth2(token)
                .accept(ACCEPT)
                .get(series)
                .then()
                .statusCode(200)
                .extract();
        byte[] body = response.asByteArray();
        assertEquals(Long.toString(body.length), response.header("Content-Length"));
        assertTrue(response.contentType().startsWith(ACCEPT), response.contentType());
        var parts = MultipartBody.parts(body, response.contentType());
        assertEquals(files.size(), parts.size());
        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(files.get(i), parts.get(i).content(), "part " + i);
            assertTrue(
                    parts.get(i)
                            .headers()
                            .contains("Content-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1"),
                    parts.get(i).headers());
        }
        assertEquals(1, audits(user, ids.studyUid(), "SUCCESS"));

        // HEAD: no body (nothing may follow the headers), and the connection still serves the next request whole
        given().auth()
                .oauth2(token)
                .head(series)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith(ACCEPT));

        // the whole study the same way, one more audit entry each time (not one per instance)
        var study = given().auth()
                .oauth2(token)
                .get("/dicom-web/studies/" + ids.studyUid())
                .then()
                .statusCode(200)
                .extract();
        var studyParts = MultipartBody.parts(study.asByteArray(), study.contentType());
        assertEquals(files.size(), studyParts.size());
        assertArrayEquals(
                files.get(files.size() - 1), studyParts.get(files.size() - 1).content());
        assertEquals(3, audits(user, ids.studyUid(), "SUCCESS"));

        // what is sent passes dciodvfy with no more errors than what was stored
        Path in = TestDicom.temp(files.get(0));
        Path out = TestDicom.temp(studyParts.get(0).content());
        assertTrue(
                Commands.dciodvfyErrors(out) <= Commands.dciodvfyErrors(in),
                Commands.run(List.of("dciodvfy", out.toString()), 60).output());
    }

    @Test
    void shouldRefuseAnotherHospitalsCallerAndAuditTheRefusal() throws Exception {
        var ids = Ids.fresh();
        store(tokens.doctorOf(hospital), List.of(TestDicom.ct(ids, DicomUids.random(), 1, 16, 16)));
        UUID stranger = UUID.randomUUID();
        String token = tokens.user(stranger, Role.HUB_SPECIALIST, UUID.randomUUID());

        given().auth()
                .oauth2(token)
                .get("/dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/dicom-web/studies/" + ids.studyUid()).then().statusCode(401);
        assertEquals(1, audits(stranger, ids.studyUid(), "DENIED"));
        assertEquals(0, audits(stranger, ids.studyUid(), "SUCCESS"));
    }

    @Test
    void shouldSendTheSameBytesOverHttp2WhereFilesCannotGoBySendfile() throws Exception {
        String token = tokens.doctorOf(hospital);
        var ids = Ids.fresh();
        var files = storeSeries(token, ids, 20, 256);

        var client = client(HttpClient.Version.HTTP_2);
        var request = request("dicom-web/studies/" + ids.studyUid(), token);
        // the first request on a connection upgrades it (h2c); ask twice so that the second surely runs on HTTP/2
        client.send(request, HttpResponse.BodyHandlers.discarding());
        var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals(200, response.statusCode());
        String type = response.headers().firstValue("Content-Type").orElseThrow();
        var parts = MultipartBody.parts(response.body(), type);
        assertEquals(files.size(), parts.size());
        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(files.get(i), parts.get(i).content(), "part " + i);
        }
    }

    @Test
    void shouldCloseTheFilesWhenAClientLeavesHalfWayAndKeepServing() throws Exception {
        String token = tokens.doctorOf(hospital);
        var ids = Ids.fresh();
        var files = new ArrayList<byte[]>();
        for (int n = 1; n <= 40; n++) {
            files.add(TestDicom.ct(ids, DicomUids.random(), n, 512, 512)); // 20 MB: more than socket buffers hold
        }
        for (int from = 0; from < files.size(); from += 10) {
            store(token, files.subList(from, from + 10));
        }
        String path = "/dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid();

        try (var socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                                    + "\r\nAccept: " + ACCEPT + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String head = readAtLeast(socket.getInputStream(), 256 * 1024);
            assertTrue(head.startsWith("HTTP/1.1 200"), head.substring(0, Math.min(200, head.length())));
            socket.setSoLinger(true, 0); // leave with a reset, mid-body
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openFilesOf(ids.seriesUid()) == 0);
        var again =
                given().auth().oauth2(token).get(path).then().statusCode(200).extract();
        var parts = MultipartBody.parts(again.asByteArray(), again.contentType());
        assertEquals(files.size(), parts.size());
        assertArrayEquals(files.get(39), parts.get(39).content());
    }

    @Test
    void shouldCutTheResponseOffWhenAStoredFileIsNotOfItsIndexedSize() throws Exception {
        String token = tokens.doctorOf(hospital);
        var ids = Ids.fresh();
        storeSeries(token, ids, 5, 64);
        Path third = storedFile(ids.seriesUid(), 3);
        Files.write(third, new byte[] {0, 0}, java.nio.file.StandardOpenOption.APPEND); // changed behind the index

        var client = client(HttpClient.Version.HTTP_1_1);
        var request = request("dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid(), token);
        // the length promised is the indexed one: the client must not receive a body that looks complete
        assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()));

        // the others are still served whole
        var other = Ids.fresh();
        store(token, List.of(TestDicom.ct(other, DicomUids.random(), 1, 32, 32)));
        given().auth()
                .oauth2(token)
                .get("/dicom-web/studies/" + other.studyUid())
                .then()
                .statusCode(200);
    }

    /** The stored file of the series' instance with that instance number. */
    private Path storedFile(String seriesUid, int instanceNumber) throws Exception {
        try (var c = db.getConnection();
                var s = c.prepareStatement(
                        "select storage_key from imaging.instance where series_uid = ? and instance_number = ?")) {
            s.setString(1, seriesUid);
            s.setInt(2, instanceNumber);
            var rs = s.executeQuery();
            assertTrue(rs.next());
            return storage.file(rs.getString(1));
        }
    }

    /** Stores a series of square CT slices numbered from 1 and answers their bytes. */
    private static List<byte[]> storeSeries(String token, Ids ids, int count, int size) throws Exception {
        var files = new ArrayList<byte[]>();
        for (int n = 1; n <= count; n++) {
            files.add(TestDicom.ct(ids, DicomUids.random(), n, size, size));
        }
        store(token, files);
        return files;
    }

    private static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder()
                .version(version)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private HttpRequest request(String path, String token) {
        return HttpRequest.newBuilder(server.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", ACCEPT)
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    private static void store(String token, List<byte[]> files) {
        given().auth()
                .oauth2(token)
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(files))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    private static String readAtLeast(InputStream in, int bytes) throws IOException {
        var text = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (text.length() < bytes) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new AssertionError("the server ended the response early");
            }
            text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }

    /** Files this process holds open whose path names the series (the stored files live in its folder). */
    private static long openFilesOf(String seriesUid) throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().contains(seriesUid);
                        } catch (IOException closedMeanwhile) {
                            return false;
                        }
                    })
                    .count();
        }
    }

    private long audits(UUID actor, String studyUid, String outcome) throws Exception {
        try (var c = db.getConnection();
                var s = c.prepareStatement("select count(*) from audit.audit_event where actor_id = ? and"
                        + " resource_type = 'ImagingStudy' and resource_id = ? and action = 'READ' and outcome = ?")) {
            s.setString(1, actor.toString());
            s.setString(2, studyUid);
            s.setString(3, outcome);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
