package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Stores the parts of one STOW-RS request for the uploader's hospital and audits what was stored per study (one commit). */
@ApplicationScoped
public class StowService {

    private final StudyStore store;
    private final ImagingPolicy policy;
    private final ImagingAudit audit;

    public StowService(StudyStore store, ImagingPolicy policy, ImagingAudit audit) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
    }

    /** What happened to each part, in order, and the studies touched. */
    public record Outcome(List<StoreResult> results, List<String> studyUids) {}

    public Outcome store(Actor actor, List<ReceivedPart> parts, String expectedStudyUid) {
        UUID hospital;
        try {
            hospital = policy.storingHospital(actor);
        } catch (ProblemException refused) {
            parts.forEach(p -> p.file().toFile().delete());
            audit.record(
                    AuditEntry.of(AuditAction.CREATE, "ImagingStudy", null)
                            .outcome(AuditOutcome.DENIED)
                            .detail("stow"),
                    actor);
            throw refused;
        }
        var results = new ArrayList<StoreResult>(parts.size());
        var readable = new ArrayList<Path>();
        for (ReceivedPart part : parts) {
            if (part.refusal() != null) {
                part.file().toFile().delete();
            } else {
                readable.add(part.file());
            }
        }
        var stored = store.storeAll(readable, hospital, expectedStudyUid).iterator();
        for (ReceivedPart part : parts) {
            results.add(
                    part.refusal() != null
                            ? StoreResult.failed(StoreResult.CANNOT_UNDERSTAND, part.refusal())
                            : stored.next());
        }
        // per study: instances stored, instances failed
        var counts = new LinkedHashMap<String, long[]>();
        for (StoreResult result : results) {
            if (result.studyUid() != null) {
                counts.computeIfAbsent(result.studyUid(), s -> new long[2])[result.stored() ? 0 : 1]++;
            }
        }
        var entries = new ArrayList<AuditEntry>();
        counts.forEach((study, n) -> entries.add(AuditEntry.of(AuditAction.CREATE, "ImagingStudy", study)
                .outcome(n[0] > 0 ? AuditOutcome.SUCCESS : AuditOutcome.FAILED)
                .detail("stow stored=" + n[0] + " failed=" + n[1])));
        audit.recordAll(entries, actor);
        return new Outcome(results, List.copyOf(counts.keySet()));
    }
}
