package vn.teleconsult.imaging.dimse;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.network.ReceivedObjectHandler;
import java.nio.file.Path;
import java.util.UUID;
import vn.teleconsult.imaging.service.StoreResult;
import vn.teleconsult.imaging.service.StudyStore;

/**
 * C-STORE SCP: hands each received file to {@link StudyStore} for the calling AE's hospital. A refused instance aborts
 * the association (the toolkit answers success only after this returns).
 */
final class CStoreHandler extends ReceivedObjectHandler {

    private final StudyStore store;
    private final UUID hospitalId;

    CStoreHandler(StudyStore store, UUID hospitalId) {
        this.store = store;
        this.hospitalId = hospitalId;
    }

    @Override
    public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAeTitle)
            throws DicomException {
        StoreResult result = store.store(Path.of(fileName), hospitalId, null);
        if (!result.stored()) {
            throw new DicomException("instance refused: " + result.message());
        }
    }
}
