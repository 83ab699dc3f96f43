package vn.teleconsult.imaging.dimse;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.CStoreRequestCommandMessage;
import com.pixelmed.network.DicomNetworkException;
import io.quarkus.logging.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import vn.teleconsult.imaging.dicom.InvalidDicom;
import vn.teleconsult.imaging.service.InstanceEncoding;
import vn.teleconsult.imaging.service.StoredFile;

/**
 * The C-STORE sub-operations of a C-GET or C-MOVE: each instance goes on an accepted presentation context whose transfer
 * syntax is the one its bytes are in (as stored, or decompressed by {@link InstanceEncoding}); an instance for which
 * no such context exists, or whose pixels cannot be decoded, is a failed sub-operation and nothing is sent for it.
 */
final class SubOperations {

    /** How the sub-operations ended, with the SOP Instance UIDs of the failed ones. */
    record Outcome(int completed, int failed, int warning, List<String> failedUids) {}

    /** Told after each sub-operation, for the pending responses. */
    interface Progress {
        void pending(int remaining, int completed, int failed, int warning) throws IOException;
    }

    private SubOperations() {}

    static Outcome send(
            Association association,
            Contexts contexts,
            List<StoredFile> files,
            InstanceEncoding encoding,
            String moveOriginator,
            int moveMessageId,
            Progress progress)
            throws DicomNetworkException, AReleaseException, IOException {
        int completed = 0;
        int failed = 0;
        int warning = 0;
        var failedUids = new ArrayList<String>();
        for (int i = 0; i < files.size(); i++) {
            StoredFile f = files.get(i);
            Boolean ok = sendOne(association, contexts, f, encoding, moveOriginator, moveMessageId);
            if (ok == null) {
                failed++;
                failedUids.add(f.sopInstanceUid());
            } else if (ok) {
                completed++;
            } else {
                warning++;
            }
            progress.pending(files.size() - i - 1, completed, failed, warning);
        }
        return new Outcome(completed, failed, warning, List.copyOf(failedUids));
    }

    /** True: stored; false: stored with a warning; null: failed. */
    private static Boolean sendOne(
            Association association,
            Contexts contexts,
            StoredFile f,
            InstanceEncoding encoding,
            String moveOriginator,
            int moveMessageId)
            throws DicomNetworkException, AReleaseException, IOException {
        String target = encoding.choose(f, contexts.syntaxes(f.sopClassUid()));
        int context = target == null ? -1 : contexts.id(f.sopClassUid(), target);
        if (context < 0) {
            Log.infof(
                    "Retrieve sub-operation for %s failed: no accepted context for %s in %s or an uncompressed syntax",
                    f.sopInstanceUid(), f.sopClassUid(), f.transferSyntax());
            return null;
        }
        byte[] encoded = null;
        if (!target.equals(f.transferSyntax())) {
            var buffer = new ByteArrayOutputStream();
            try {
                encoding.write(f, target, false, buffer);
            } catch (InvalidDicom e) {
                Log.infof("Retrieve sub-operation for %s failed: %s", f.sopInstanceUid(), e.getMessage());
                return null;
            }
            encoded = buffer.toByteArray();
        }
        byte[] command;
        try {
            command = new CStoreRequestCommandMessage(
                            f.sopClassUid(), f.sopInstanceUid(), moveOriginator, moveMessageId)
                    .getBytes();
        } catch (DicomException e) {
            throw new IOException(e);
        }
        var response = new StoreResponse();
        association.setReceivedDataHandler(response);
        association.send((byte) context, command, null);
        try (var out = association.getAssociationOutputStream((byte) context)) {
            if (encoded != null) {
                out.write(encoded);
            } else {
                encoding.write(f, target, false, out);
            }
        } catch (InvalidDicom e) {
            throw new IOException("stored instance unreadable", e);
        }
        association.waitForCommandPDataPDUs();
        if (!response.wasSuccessful()) {
            return null;
        }
        return !response.warning();
    }
}
