package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.CurrentActor;

/** Records imaging audit entries for an explicit actor (a user over HTTP or a calling AE title over DIMSE). */
@ApplicationScoped
public class ImagingAudit {

    private final AuditTrail trail;
    private final CurrentActor current;

    public ImagingAudit(AuditTrail trail, CurrentActor current) {
        this.trail = trail;
        this.current = current;
    }

    public void record(AuditEntry entry, Actor actor) {
        trail.record(entry, actor, current.remoteAddress().orElse(null));
    }

    /** Several entries of one actor in one commit. */
    public void recordAll(List<AuditEntry> entries, Actor actor) {
        trail.recordAll(entries, actor, current.remoteAddress().orElse(null));
    }
}
