package vn.teleconsult.imaging.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import vn.teleconsult.imaging.api.InstanceStored;
import vn.teleconsult.imaging.dicom.DicomCodec;
import vn.teleconsult.imaging.dicom.InvalidDicom;
import vn.teleconsult.imaging.dicom.ParsedInstance;
import vn.teleconsult.imaging.repository.StudyIndex;
import vn.teleconsult.imaging.storage.InstanceStorage;

/**
 * Accepts received instances (from STOW-RS, C-STORE, PACS pull): checks them, moves the file into place and indexes it
 * in one step per instance, so that an instance is either wholly stored or not at all.
 */
@ApplicationScoped
public class StudyStore {

    private final DicomCodec codec;
    private final InstanceStorage storage;
    private final StudyIndex index;
    private final Event<InstanceStored> stored;

    public StudyStore(DicomCodec codec, InstanceStorage storage, StudyIndex index, Event<InstanceStored> stored) {
        this.codec = codec;
        this.storage = storage;
        this.index = index;
        this.stored = stored;
    }

    /**
     * Stores the instance received into {@code temp} (always consumed: moved or deleted) for the hospital.
     *
     * @param expectedStudyUid when not null, instances of other studies are refused
     */
    public StoreResult store(Path temp, UUID hospitalId, String expectedStudyUid) {
        try {
            ParsedInstance parsed;
            try {
                parsed = codec.inspect(temp);
            } catch (InvalidDicom e) {
                return StoreResult.failed(StoreResult.CANNOT_UNDERSTAND, e.getMessage());
            }
            if (expectedStudyUid != null && !expectedStudyUid.equals(parsed.studyUid())) {
                return result(
                        parsed,
                        StoreResult.Status.FAILED,
                        StoreResult.STUDY_MISMATCH,
                        "The instance belongs to another study than the one in the request path.");
            }
            long size = Files.size(temp);
            return QuarkusTransaction.requiringNew().call(() -> storeIndexed(temp, parsed, size, hospitalId));
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "Storing a received instance failed");
            return StoreResult.failed(StoreResult.PROCESSING_FAILURE, "The instance could not be stored.");
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                Log.warnf("Could not delete temporary file %s", temp.getFileName());
            }
        }
    }

    private StoreResult storeIndexed(Path temp, ParsedInstance parsed, long size, UUID hospitalId) throws IOException {
        // checks before writes: a refusal leaves nothing behind (new rows only come with a stored instance)
        var seriesStudy = index.studyOfSeries(parsed.seriesUid());
        if (seriesStudy.isPresent() && !seriesStudy.get().equals(parsed.studyUid())) {
            return result(
                    parsed,
                    StoreResult.Status.FAILED,
                    StoreResult.STUDY_MISMATCH,
                    "The series is already stored under another study.");
        }
        var owner = index.owner(parsed.studyUid());
        if (owner.isPresent() && !owner.get().equals(hospitalId)) {
            return result(
                    parsed,
                    StoreResult.Status.FAILED,
                    StoreResult.NOT_AUTHORIZED,
                    "The study belongs to another hospital.");
        }
        if (!index.ensureStudy(parsed, hospitalId).equals(hospitalId)) {
            throw new IllegalStateException("study taken by another hospital meanwhile");
        }
        index.ensureSeries(parsed);
        if (index.hasInstance(parsed.sopInstanceUid())) {
            return result(parsed, StoreResult.Status.DUPLICATE, 0, "Already stored.");
        }
        String key = storage.commit(temp, parsed.studyUid(), parsed.seriesUid(), parsed.sopInstanceUid());
        if (!index.insertInstance(parsed, size, key)) {
            // a concurrent store of the same instance won; its file is the same instance
            return result(parsed, StoreResult.Status.DUPLICATE, 0, "Already stored.");
        }
        stored.fire(new InstanceStored(
                parsed.studyUid(),
                parsed.seriesUid(),
                parsed.sopInstanceUid(),
                parsed.instanceNumber() == null ? 0 : parsed.instanceNumber()));
        return result(parsed, StoreResult.Status.STORED, 0, "Stored.");
    }

    private static StoreResult result(ParsedInstance p, StoreResult.Status status, int reason, String message) {
        return new StoreResult(
                p.studyUid(), p.seriesUid(), p.sopClassUid(), p.sopInstanceUid(), status, reason, message);
    }
}
