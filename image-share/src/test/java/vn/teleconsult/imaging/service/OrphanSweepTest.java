package vn.teleconsult.imaging.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.storage.FileSystemStorage;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;

/** Files that a crash left in place without an index row are removed once old enough; indexed ones never. */
@QuarkusTest
class OrphanSweepTest {

    @Inject
    OrphanSweep sweep;

    @Inject
    FileSystemStorage storage;

    @Inject
    Tokens tokens;

    private final UUID hospital = UUID.randomUUID();

    @Test
    void shouldRemoveOldUnindexedFilesAndKeepIndexedAndRecentOnes() throws Exception {
        Ids ids = Ids.fresh();
        String sop = DicomUids.random();
        String token = tokens.doctorOf(hospital);
        given().auth()
                .oauth2(token)
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(TestDicom.ct(ids, sop, 1, 8, 8))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        Path indexed = file(ids.studyUid(), ids.seriesUid(), sop);
        assertTrue(Files.exists(indexed));
        age(indexed);
        // as a crash after the move and before the commit leaves them: in place, complete, never indexed
        Path besideIndexed = orphan(ids.studyUid(), ids.seriesUid(), DicomUids.random(), true);
        Ids crashed = Ids.fresh();
        Path alone = orphan(crashed.studyUid(), crashed.seriesUid(), DicomUids.random(), true);
        Path recent = orphan(crashed.studyUid(), crashed.seriesUid(), DicomUids.random(), false);

        assertEquals(
                0,
                sweep.sweep(Instant.now().plus(Duration.ofHours(1)), Duration.ofMinutes(30)),
                "folders untouched since the given time are not looked at");
        assertTrue(Files.exists(alone));

        sweep.sweep(null, Duration.ofMinutes(30));
        assertFalse(Files.exists(besideIndexed), "an old unindexed file goes");
        assertFalse(Files.exists(alone), "an old unindexed file goes");
        assertTrue(Files.exists(recent), "a file that may be in the middle of being stored stays");
        assertTrue(Files.exists(indexed), "an indexed file stays");
        given().auth()
                .oauth2(token)
                .accept("multipart/related; type=\"application/dicom\"")
                .get("/dicom-web/studies/" + ids.studyUid())
                .then()
                .statusCode(200);

        age(recent);
        sweep.sweep(null, Duration.ofMinutes(30));
        assertFalse(Files.exists(recent));
        assertFalse(Files.exists(recent.getParent().getParent()), "an emptied study folder goes too");
    }

    private Path file(String study, String series, String sop) {
        return storage.file("studies/" + study + "/" + series + "/" + sop + ".dcm");
    }

    private Path orphan(String study, String series, String sop, boolean old) throws Exception {
        Path path = file(study, series, sop);
        Files.createDirectories(path.getParent());
        Files.write(path, TestDicom.ct(new Ids("P1", study, series), sop, 1, 8, 8));
        if (old) {
            age(path);
        }
        return path;
    }

    private static void age(Path path) throws Exception {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    }
}
