package vn.teleconsult.imaging.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.storage.InstanceStorage.Incoming;

/** Files moved into place in batches, flushed, under keys built only from valid UIDs. */
class FileSystemStorageTest {

    @TempDir
    Path home;

    @Test
    void shouldMoveABatchIntoPlaceAndAgainAfterItsFoldersWereRemoved() throws Exception {
        var storage = new FileSystemStorage(settings(), home.toString());
        String study = DicomUids.random();
        String series = DicomUids.random();
        var incoming = new ArrayList<Incoming>();
        var contents = new ArrayList<byte[]>();
        for (int i = 0; i < 40; i++) {
            Path temp = storage.newTempFile();
            byte[] content = ("instance " + i).getBytes();
            Files.write(temp, content);
            contents.add(content);
            // half in one series, the others each in a study of their own
            incoming.add(new Incoming(
                    temp,
                    i % 2 == 0
                            ? storage.key(study, series, DicomUids.random())
                            : storage.key(DicomUids.random(), DicomUids.random(), DicomUids.random())));
        }
        storage.commit(incoming);
        for (int i = 0; i < incoming.size(); i++) {
            assertArrayEquals(
                    contents.get(i),
                    Files.readAllBytes(storage.file(incoming.get(i).key())));
            assertFalse(Files.exists(incoming.get(i).temp()));
        }

        // the series emptied and its folders removed (a deletion), then stored into again
        for (int i = 0; i < incoming.size(); i += 2) {
            storage.delete(incoming.get(i).key());
        }
        assertFalse(Files.exists(storage.file(incoming.get(0).key()).getParent()));
        Path temp = storage.newTempFile();
        Files.write(temp, "again".getBytes());
        String key = storage.key(study, series, DicomUids.random());
        storage.commit(List.of(new Incoming(temp, key)));
        assertEquals("again", Files.readString(storage.file(key)));
    }

    @Test
    void shouldRefuseKeysFromInvalidUids() throws Exception {
        var storage = new FileSystemStorage(settings(), home.toString());
        assertThrows(IllegalArgumentException.class, () -> storage.key("1.2", "../3", "4.5"));
        assertThrows(IllegalArgumentException.class, () -> storage.file("studies/../../etc/passwd"));
    }

    private static ImagingSettings settings() {
        var storage = new ImagingSettings.Storage() {
            public Optional<String> root() {
                return Optional.empty();
            }

            public boolean fsync() {
                return true;
            }

            public Duration orphanAge() {
                return Duration.ofHours(1);
            }

            public Duration orphanSweepInterval() {
                return Duration.ofHours(1);
            }
        };
        return new ImagingSettings() {
            public Storage storage() {
                return storage;
            }

            public Stow stow() {
                throw new UnsupportedOperationException();
            }

            public Dimse dimse() {
                throw new UnsupportedOperationException();
            }

            public Review review() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
