package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Stores the parts of one STOW-RS request for the uploader's hospital and audits what was stored per study. */
@ApplicationScoped
public class StowService {

    private final StudyStore store;
    private final ImagingAudit audit;

    public StowService(StudyStore store, ImagingAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    /** What happened to each part, in order, and the studies touched. */
    public record Outcome(List<StoreResult> results, List<String> studyUids) {}

    public Outcome store(Actor actor, List<ReceivedPart> parts, String expectedStudyUid) {
        UUID hospital = actor.hospitalId();
        if (hospital == null) {
            parts.forEach(p -> p.file().toFile().delete());
            throw ProblemException.forbidden("Only staff or systems of a hospital can store studies.");
        }
        var results = new ArrayList<StoreResult>();
        var studies = new LinkedHashSet<String>();
        for (ReceivedPart part : parts) {
            if (part.refusal() != null) {
                part.file().toFile().delete();
                results.add(StoreResult.failed(StoreResult.CANNOT_UNDERSTAND, part.refusal()));
                continue;
            }
            StoreResult result = store.store(part.file(), hospital, expectedStudyUid);
            results.add(result);
            if (result.studyUid() != null) {
                studies.add(result.studyUid());
            }
        }
        for (String study : studies) {
            long ok = results.stream()
                    .filter(r -> study.equals(r.studyUid()) && r.stored())
                    .count();
            long failed = results.stream()
                    .filter(r -> study.equals(r.studyUid()) && !r.stored())
                    .count();
            audit.record(
                    AuditEntry.of(AuditAction.CREATE, "ImagingStudy", study)
                            .outcome(ok > 0 ? AuditOutcome.SUCCESS : AuditOutcome.FAILED)
                            .detail("stow stored=" + ok + " failed=" + failed),
                    actor);
        }
        return new Outcome(results, List.copyOf(studies));
    }
}
