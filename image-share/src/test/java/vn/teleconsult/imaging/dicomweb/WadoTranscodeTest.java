package vn.teleconsult.imaging.dicomweb;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.TransferSyntaxes;
import vn.teleconsult.imaging.testing.MixedStudy;
import vn.teleconsult.imaging.testing.MultipartBody;
import vn.teleconsult.imaging.testing.Tokens;

/**
 * WADO-RS honours the transfer-syntax parameter of the Accept header (PS3.18 8.7.3): as stored for {@code *} or the
 * stored syntax, decompressed to Explicit VR Little Endian when asked (pixels equal to the original's decoded by DCMTK
 * or OpenJPEG, no new dciodvfy errors), 406 when it cannot be produced; rendered images of JPEG 2000 and multi-frame RT
 * Dose instances.
 */
@QuarkusTest
class WadoTranscodeTest {

    private static final String EVLE = TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN;

    @Inject
    Tokens tokens;

    private String token;
    private MixedStudy study;

    @BeforeEach
    void storeTheStudy() throws Exception {
        token = tokens.doctorOf(UUID.randomUUID());
        study = MixedStudy.build();
        study.stow(token);
    }

    private String instance(String name) {
        var i = study.get(name);
        String series = given().auth()
                .oauth2(token)
                .get("/dicom-web/studies/" + study.ids().studyUid() + "/instances?SOPInstanceUID=" + i.sopInstanceUid())
                .then()
                .statusCode(200)
                .extract()
                .path("[0].'0020000E'.Value[0]");
        return "/dicom-web/studies/" + study.ids().studyUid() + "/series/" + series + "/instances/"
                + i.sopInstanceUid();
    }

    private static String accept(String transferSyntax) {
        return "multipart/related; type=\"application/dicom\"; transfer-syntax=" + transferSyntax;
    }

    @Test
    void shouldDecompressAJpegInstanceToExplicitLittleEndianWhenAskedFor() throws Exception {
        for (String name : new String[] {"jpeg_baseline", "jpeg_lossless", "rle", "jpeg2000", "multiframe"}) {
            var response = given().auth()
                    .oauth2(token)
                    .accept(accept(EVLE))
                    .get(instance(name))
                    .then()
                    .statusCode(200)
                    .extract();
            var parts = MultipartBody.parts(response.asByteArray(), response.contentType());
            assertEquals(1, parts.size());
            assertTrue(
                    parts.get(0).headers().contains("transfer-syntax=" + EVLE),
                    parts.get(0).headers());
            Path copy = Files.createTempFile("wado-" + name, ".dcm");
            Files.write(copy, parts.get(0).content());
            assertEquals(EVLE, MixedStudy.transferSyntax(copy), name);
            var original = study.get(name).file();
            var same = MixedStudy.samePixels(original, copy);
            assertEquals(0, same.exit(), name + ": " + same.output());
            var added = MixedStudy.dciodvfyErrors(copy);
            added.removeAll(MixedStudy.dciodvfyErrors(original));
            assertTrue(added.isEmpty(), name + " has new dciodvfy errors: " + added);
        }
    }

    @Test
    void shouldSendAsStoredForAnyTransferSyntaxOrTheStoredOne() throws Exception {
        var jpeg = study.get("jpeg_baseline");
        for (String ts : new String[] {"*", jpeg.transferSyntax()}) {
            var response = given().auth()
                    .oauth2(token)
                    .accept(accept(ts))
                    .get(instance("jpeg_baseline"))
                    .then()
                    .statusCode(200)
                    .extract();
            var parts = MultipartBody.parts(response.asByteArray(), response.contentType());
            assertTrue(parts.get(0).headers().contains("transfer-syntax=" + jpeg.transferSyntax()));
            assertArrayEquals(Files.readAllBytes(jpeg.file()), parts.get(0).content());
        }
    }

    @Test
    void shouldRefuseWhatCannotBeProducedWith406() {
        // JPEG-LS has no decoder here; a JPEG instance cannot be re-compressed to JPEG-LS
        given().auth()
                .oauth2(token)
                .accept(accept(EVLE))
                .get(instance(MixedStudy.JPEG_LS))
                .then()
                .statusCode(406);
        given().auth()
                .oauth2(token)
                .accept(accept("1.2.840.10008.1.2.4.80"))
                .get(instance("jpeg_baseline"))
                .then()
                .statusCode(406);
        given().auth()
                .oauth2(token)
                .accept(accept("not-a-uid"))
                .get(instance("jpeg_baseline"))
                .then()
                .statusCode(406);
        given().auth()
                .oauth2(token)
                .accept("multipart/related; type=\"application/octet-stream\"; transfer-syntax="
                        + "1.2.840.10008.1.2.4.50")
                .get(instance("jpeg_baseline") + "/frames/1")
                .then()
                .statusCode(406);
    }

    @Test
    void shouldLeaveOutOfAStudyWhatCannotBeConvertedAndSaySo() {
        var response = given().auth()
                .oauth2(token)
                .accept(accept(EVLE))
                .get("/dicom-web/studies/" + study.ids().studyUid())
                .then()
                .statusCode(206)
                .extract();
        assertNotNull(response.header("Warning"));
        var parts = MultipartBody.parts(response.asByteArray(), response.contentType());
        assertEquals(study.instances().size() - 1, parts.size());
        for (var part : parts) {
            assertTrue(part.headers().contains("transfer-syntax=" + EVLE), part.headers());
        }
        // as stored, the whole study
        var all = given().auth()
                .oauth2(token)
                .accept(accept("*"))
                .get("/dicom-web/studies/" + study.ids().studyUid())
                .then()
                .statusCode(200)
                .extract();
        assertEquals(
                study.instances().size(),
                MultipartBody.parts(all.asByteArray(), all.contentType()).size());
    }

    @Test
    void shouldRenderJpeg2000AndMultiFrameRtDose() throws Exception {
        for (String name : new String[] {"jpeg2000", "multiframe"}) {
            String base = instance(name);
            for (String path : new String[] {"/rendered", "/thumbnail", "/frames/1/rendered"}) {
                byte[] image = given().auth()
                        .oauth2(token)
                        .get(base + path)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
                assertNotNull(ImageIO.read(new ByteArrayInputStream(image)), name + path);
            }
        }
        given().auth()
                .oauth2(token)
                .get(instance("multiframe") + "/frames/15/rendered")
                .then()
                .statusCode(200);
        var frames = given().auth()
                .oauth2(token)
                .get(instance("jpeg2000") + "/frames/1")
                .then()
                .statusCode(200)
                .extract();
        var part =
                MultipartBody.parts(frames.asByteArray(), frames.contentType()).get(0);
        assertTrue(part.headers().contains("transfer-syntax=" + EVLE), part.headers());
        assertEquals(64 * 64 * 2, part.content().length);
    }
}
