package vn.teleconsult.imaging.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import vn.teleconsult.imaging.api.InstanceStored;
import vn.teleconsult.imaging.dicom.DicomCodec;
import vn.teleconsult.imaging.dicom.InvalidDicom;
import vn.teleconsult.imaging.dicom.ParsedInstance;
import vn.teleconsult.imaging.repository.IndexWriter;
import vn.teleconsult.imaging.repository.IndexWriter.NewInstance;
import vn.teleconsult.imaging.storage.InstanceStorage;
import vn.teleconsult.imaging.storage.InstanceStorage.Incoming;

/**
 * Accepts received instances (from STOW-RS, C-STORE, PACS pull): checks them, moves the files into place and indexes
 * them, so that an instance is either wholly stored or not at all. Instances received together are stored in batches
 * of up to {@link #BATCH}: one transaction, a few statements and about one round of disk flushes per batch. A batch
 * the database refuses as a whole is stored again one instance at a time, so one bad instance fails alone.
 */
@ApplicationScoped
public class StudyStore {

    static final int BATCH = 100;

    private final DicomCodec codec;
    private final InstanceStorage storage;
    private final IndexWriter index;
    private final Event<InstanceStored> stored;

    public StudyStore(DicomCodec codec, InstanceStorage storage, IndexWriter index, Event<InstanceStored> stored) {
        this.codec = codec;
        this.storage = storage;
        this.index = index;
        this.stored = stored;
    }

    /** One instance read and checked, waiting in its temporary file to be stored. */
    private record Received(int position, Path temp, ParsedInstance parsed, long size) {}

    /**
     * Stores the instance received into {@code temp} (always consumed: moved or deleted) for the hospital.
     *
     * @param expectedStudyUid when not null, instances of other studies are refused
     */
    public StoreResult store(Path temp, UUID hospitalId, String expectedStudyUid) {
        return storeAll(List.of(temp), hospitalId, expectedStudyUid).get(0);
    }

    /** Stores the instances received into the temporary files (all consumed); what became of each, in order. */
    public List<StoreResult> storeAll(List<Path> temps, UUID hospitalId, String expectedStudyUid) {
        var results = new ArrayList<StoreResult>(temps.size());
        try {
            for (int from = 0; from < temps.size(); from += BATCH) {
                results.addAll(storeBatch(
                        temps.subList(from, Math.min(temps.size(), from + BATCH)), hospitalId, expectedStudyUid));
            }
        } finally {
            for (Path temp : temps) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    Log.warnf("Could not delete temporary file %s", temp.getFileName());
                }
            }
        }
        return results;
    }

    private List<StoreResult> storeBatch(List<Path> temps, UUID hospitalId, String expectedStudyUid) {
        var results = new StoreResult[temps.size()];
        var received = new ArrayList<Received>();
        for (int i = 0; i < temps.size(); i++) {
            try {
                var parsed = codec.inspect(temps.get(i));
                if (expectedStudyUid != null && !expectedStudyUid.equals(parsed.studyUid())) {
                    results[i] = result(
                            parsed,
                            StoreResult.Status.FAILED,
                            StoreResult.STUDY_MISMATCH,
                            "The instance belongs to another study than the one in the request path.");
                } else {
                    received.add(new Received(i, temps.get(i), parsed, Files.size(temps.get(i))));
                }
            } catch (InvalidDicom e) {
                results[i] = new StoreResult(
                        null,
                        null,
                        e.sopClassUid(),
                        e.sopInstanceUid(),
                        StoreResult.Status.FAILED,
                        StoreResult.CANNOT_UNDERSTAND,
                        e.getMessage());
            } catch (IOException | RuntimeException e) {
                Log.errorf(e, "Reading a received instance failed");
                results[i] = processingFailure();
            }
        }
        if (received.size() > 1) {
            try {
                QuarkusTransaction.requiringNew().run(() -> indexAndMove(received, hospitalId, results));
                return Arrays.asList(results);
            } catch (RuntimeException refused) {
                Log.warnf(
                        "A batch of %d instances was refused as a whole (%s); storing them one at a time",
                        received.size(), refused.toString());
            }
        }
        for (Received r : received) {
            try {
                QuarkusTransaction.requiringNew().run(() -> indexAndMove(List.of(r), hospitalId, results));
            } catch (RuntimeException e) {
                Log.errorf(e, "Storing a received instance failed");
                results[r.position()] = processingFailure();
            }
        }
        return Arrays.asList(results);
    }

    /** In the caller's transaction: checks, index rows, files moved into place; results set for each instance. */
    private void indexAndMove(List<Received> received, UUID hospitalId, StoreResult[] results) {
        // checks before writes: a refusal leaves nothing behind (new rows only come with a stored instance)
        var seriesStudy = new HashMap<>(index.studiesOfSeries(
                received.stream().map(r -> r.parsed().seriesUid()).toList()));
        var owners = new HashMap<>(
                index.owners(received.stream().map(r -> r.parsed().studyUid()).toList()));
        var sopStudy = index.studiesOfInstances(
                received.stream().map(r -> r.parsed().sopInstanceUid()).toList());
        var knownSeries = Set.copyOf(seriesStudy.keySet());
        var knownStudies = Set.copyOf(owners.keySet());
        var accepted = new ArrayList<Received>();
        var sops = new HashSet<String>();
        for (Received r : received) {
            var p = r.parsed();
            String study = seriesStudy.putIfAbsent(p.seriesUid(), p.studyUid());
            UUID owner = owners.putIfAbsent(p.studyUid(), hospitalId);
            String sopIn = sopStudy.get(p.sopInstanceUid());
            if (sopIn != null && !sopIn.equals(p.studyUid())) {
                results[r.position()] = instanceElsewhere(p);
            } else if (study != null && !study.equals(p.studyUid())) {
                results[r.position()] = seriesElsewhere(p);
            } else if (owner != null && !owner.equals(hospitalId)) {
                results[r.position()] = otherHospital(p);
            } else if (!sops.add(p.sopInstanceUid())) {
                results[r.position()] = result(p, StoreResult.Status.DUPLICATE, 0, "Already stored.");
            } else {
                accepted.add(r);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        var studies = firstOf(accepted, ParsedInstance::studyUid);
        var series = firstOf(accepted, ParsedInstance::seriesUid);
        var newStudies = index.insertStudies(studies, hospitalId);
        var newSeries = index.insertSeries(series);
        // another writer may have created one of the studies or series we did not find, for another hospital or study
        boolean refusedAfterInsert = false;
        if (studies.stream().anyMatch(p -> !knownStudies.contains(p.studyUid()) && !newStudies.contains(p.studyUid()))
                || series.stream()
                        .anyMatch(p -> !knownSeries.contains(p.seriesUid()) && !newSeries.contains(p.seriesUid()))) {
            var nowOwners = index.owners(
                    accepted.stream().map(r -> r.parsed().studyUid()).toList());
            var nowStudies = index.studiesOfSeries(
                    accepted.stream().map(r -> r.parsed().seriesUid()).toList());
            var stillAccepted = new ArrayList<Received>();
            for (Received r : accepted) {
                var p = r.parsed();
                if (!p.studyUid().equals(nowStudies.get(p.seriesUid()))) {
                    results[r.position()] = seriesElsewhere(p);
                } else if (!hospitalId.equals(nowOwners.get(p.studyUid()))) {
                    results[r.position()] = otherHospital(p);
                } else {
                    stillAccepted.add(r);
                }
            }
            refusedAfterInsert = stillAccepted.size() < accepted.size();
            accepted = stillAccepted;
        }
        var keys = new LinkedHashMap<Received, String>();
        for (Received r : accepted) {
            var p = r.parsed();
            keys.put(r, storage.key(p.studyUid(), p.seriesUid(), p.sopInstanceUid()));
        }
        var inserted = index.insertInstances(keys.entrySet().stream()
                .map(e -> new NewInstance(e.getKey().parsed(), e.getKey().size(), e.getValue()))
                .toList());
        // an instance not inserted is held already: the same one (a repeat), or one of another study (refused)
        var heldIn = index.studiesOfInstances(keys.keySet().stream()
                .map(r -> r.parsed().sopInstanceUid())
                .filter(sop -> !inserted.contains(sop))
                .toList());
        var incoming = new ArrayList<Incoming>();
        for (var e : keys.entrySet()) {
            var p = e.getKey().parsed();
            if (inserted.contains(p.sopInstanceUid())) {
                incoming.add(new Incoming(e.getKey().temp(), e.getValue()));
                results[e.getKey().position()] = result(p, StoreResult.Status.STORED, 0, "Stored.");
            } else if (p.studyUid().equals(heldIn.get(p.sopInstanceUid()))) {
                // stored before, or by a concurrent writer whose file is the same instance
                results[e.getKey().position()] = result(p, StoreResult.Status.DUPLICATE, 0, "Already stored.");
            } else {
                results[e.getKey().position()] = instanceElsewhere(p);
                refusedAfterInsert = true;
            }
        }
        if (refusedAfterInsert) {
            index.removeEmpty(newSeries, newStudies);
        }
        if (incoming.isEmpty()) {
            return;
        }
        try {
            storage.commit(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        index.touchStudies(
                new HashSet<>(accepted.stream().map(r -> r.parsed().studyUid()).toList()));
        for (Received r : accepted) {
            var p = r.parsed();
            if (inserted.contains(p.sopInstanceUid())) {
                // observers run once the transaction has committed
                stored.fire(new InstanceStored(
                        p.studyUid(),
                        p.seriesUid(),
                        p.sopInstanceUid(),
                        p.instanceNumber() == null ? 0 : p.instanceNumber()));
            }
        }
    }

    /** The first instance of each study (or series), in arrival order: the first one received gives its attributes. */
    private static List<ParsedInstance> firstOf(List<Received> received, Function<ParsedInstance, String> key) {
        var first = new LinkedHashMap<String, ParsedInstance>();
        for (Received r : received) {
            first.putIfAbsent(key.apply(r.parsed()), r.parsed());
        }
        return List.copyOf(first.values());
    }

    private static StoreResult seriesElsewhere(ParsedInstance p) {
        return result(
                p,
                StoreResult.Status.FAILED,
                StoreResult.STUDY_MISMATCH,
                "The series is already stored under another study.");
    }

    /** A SOP Instance UID already used by an instance of another study (whoever's it is: nothing more is said). */
    private static StoreResult instanceElsewhere(ParsedInstance p) {
        return result(
                p,
                StoreResult.Status.FAILED,
                StoreResult.DUPLICATE_SOP_INSTANCE,
                "The SOP Instance UID is already used by an instance of another study; give the instance a new one.");
    }

    private static StoreResult otherHospital(ParsedInstance p) {
        return result(
                p, StoreResult.Status.FAILED, StoreResult.NOT_AUTHORIZED, "The study belongs to another hospital.");
    }

    private static StoreResult processingFailure() {
        return StoreResult.failed(StoreResult.PROCESSING_FAILURE, "The instance could not be stored.");
    }

    private static StoreResult result(ParsedInstance p, StoreResult.Status status, int reason, String message) {
        return new StoreResult(
                p.studyUid(), p.seriesUid(), p.sopClassUid(), p.sopInstanceUid(), status, reason, message);
    }
}
