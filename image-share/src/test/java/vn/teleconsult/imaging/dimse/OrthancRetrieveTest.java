package vn.teleconsult.imaging.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.TransferSyntaxes;
import vn.teleconsult.imaging.service.DicomNodes;
import vn.teleconsult.imaging.service.DicomNodes.Kind;
import vn.teleconsult.imaging.testing.MixedStudy;
import vn.teleconsult.imaging.testing.OrthancPacs;
import vn.teleconsult.imaging.testing.Tokens;

/**
 * Orthanc 1.10.1 retrieves a study of mixed transfer syntaxes from us by C-MOVE, as the SCU (its REST
 * {@code /modalities/{id}/move}) and the destination: as stored when it accepts every syntax, decompressed when it
 * accepts only uncompressed ones, pixels equal to the originals'. (Orthanc 1.10.1 has no C-GET SCU.)
 */
@QuarkusTest
class OrthancRetrieveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DimseServer server;

    @Inject
    DicomNodes nodes;

    @Inject
    Tokens tokens;

    private final HttpClient http = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void shouldLetOrthancMoveAMixedStudyAsStoredOrDecompressed() throws Exception {
        UUID hospital = UUID.randomUUID();
        var study = MixedStudy.build();
        study.stow(tokens.doctorOf(hospital));

        var everything = moveToOrthanc(hospital, study, null);
        assertEquals(study.instances().keySet(), everything, "Orthanc accepting every syntax");

        var uncompressed = moveToOrthanc(
                hospital,
                study,
                List.of(TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN));
        assertEquals(
                Set.of("uncompressed", "rle", "jpeg_lossless", "jpeg_baseline", "jpeg2000", "multiframe"),
                uncompressed,
                "Orthanc accepting uncompressed syntaxes only");
    }

    /** Has a fresh Orthanc move the study from us to itself; the names of the instances it then holds, checked. */
    private Set<String> moveToOrthanc(UUID hospital, MixedStudy study, List<String> accepted) throws Exception {
        String ae = "O" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        try (var orthanc = new OrthancPacs(server.aeTitle(), server.port(), ae, accepted)) {
            nodes.register(hospital, ae, orthanc.host(), OrthancPacs.DICOM_PORT, Kind.CALLING);
            String body = JSON.writeValueAsString(java.util.Map.of(
                    "Level",
                    "Study",
                    "Resources",
                    List.of(java.util.Map.of("StudyInstanceUID", study.ids().studyUid())),
                    "TargetAet",
                    ae,
                    "Timeout",
                    60));
            var moved = http.send(
                    HttpRequest.newBuilder(URI.create(orthanc.rest() + "/modalities/teleconsult/move"))
                            .timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var ids = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(orthanc.rest() + "/instances"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            var names = new HashSet<String>();
            for (var id : ids) {
                Path file = Files.createTempFile("orthanc-" + id.asText(), ".dcm");
                http.send(
                        HttpRequest.newBuilder(URI.create(orthanc.rest() + "/instances/" + id.asText() + "/file"))
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(file));
                var original = study.of(file);
                assertNotNull(original, "a file of the study; move answered " + moved.statusCode() + moved.body());
                names.add(original.name());
                String ts = MixedStudy.transferSyntax(file);
                if (accepted != null || TransferSyntaxes.isUncompressed(original.transferSyntax())) {
                    assertTrue(TransferSyntaxes.isUncompressed(ts), original.name() + " arrived in " + ts);
                } else {
                    assertEquals(original.transferSyntax(), ts, original.name() + " arrives as stored");
                }
                if (!original.name().equals(MixedStudy.JPEG_LS)) {
                    var same = MixedStudy.samePixels(original.file(), file);
                    assertEquals(0, same.exit(), original.name() + ": " + same.output());
                }
            }
            return names;
        }
    }
}
