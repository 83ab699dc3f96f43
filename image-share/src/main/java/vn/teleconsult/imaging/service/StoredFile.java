package vn.teleconsult.imaging.service;

import java.nio.file.Path;
import vn.teleconsult.imaging.repository.StudyIndex.InstanceRow;
import vn.teleconsult.imaging.storage.InstanceStorage;

/**
 * A stored instance file ready to be sent, with what a response needs to describe it; {@code size} is the length the
 * index recorded when the file was stored (a response may promise it before opening the file).
 */
public record StoredFile(
        Path file,
        String studyUid,
        String seriesUid,
        String sopInstanceUid,
        String sopClassUid,
        String transferSyntax,
        long size) {

    static StoredFile of(InstanceRow row, InstanceStorage storage) {
        return new StoredFile(
                storage.file(row.storageKey()),
                row.studyUid(),
                row.seriesUid(),
                row.sopInstanceUid(),
                row.sopClassUid(),
                row.transferSyntax(),
                row.size());
    }
}
