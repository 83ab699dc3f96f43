package vn.teleconsult.imaging.dimse;

import com.pixelmed.dicom.StoredFilePathStrategy;
import java.io.File;
import java.util.UUID;

/** Names received files by a random id, never by the SOP Instance UID a peer sent (which could hold '../'). */
final class RandomFileNames extends StoredFilePathStrategy {

    @Override
    public String makeStoredFilePath(String sopInstanceUid) {
        return "in-" + UUID.randomUUID() + ".dcm";
    }

    @Override
    public File makeStoredFilePath(File folder, String sopInstanceUid) {
        return new File(folder, makeStoredFilePath(sopInstanceUid));
    }
}
