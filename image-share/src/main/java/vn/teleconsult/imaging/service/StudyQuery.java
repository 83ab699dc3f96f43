package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.teleconsult.imaging.repository.StudySearch;
import vn.teleconsult.imaging.repository.StudySearch.InstanceSummary;
import vn.teleconsult.imaging.repository.StudySearch.SeriesRow;
import vn.teleconsult.imaging.repository.StudySearch.StudyRow;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.security.Actor;

/** Searches the studies, series and instances an actor may see (QIDO-RS and C-FIND), audited. */
@ApplicationScoped
public class StudyQuery {

    private final StudySearch search;
    private final StudyAccessService access;
    private final ImagingAudit audit;

    public StudyQuery(StudySearch search, StudyAccessService access, ImagingAudit audit) {
        this.search = search;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public List<StudyRow> studies(Actor actor, StudyFilter filter) {
        var rows = search.studies(filter, access.viewer(actor));
        audited(actor, "studies", rows.size(), rows.size() == 1 ? rows.get(0).studyUid() : null);
        return rows;
    }

    @Transactional
    public List<SeriesRow> series(Actor actor, StudyFilter filter) {
        var rows = search.series(filter, access.viewer(actor));
        audited(
                actor,
                "series",
                rows.size(),
                filter.studyUids().size() == 1 ? filter.studyUids().get(0) : null);
        return rows;
    }

    @Transactional
    public List<InstanceSummary> instances(Actor actor, StudyFilter filter) {
        var rows = search.instances(filter, access.viewer(actor));
        audited(
                actor,
                "instances",
                rows.size(),
                filter.studyUids().size() == 1 ? filter.studyUids().get(0) : null);
        return rows;
    }

    private void audited(Actor actor, String level, int count, String studyUid) {
        audit.record(
                AuditEntry.of(AuditAction.READ, "ImagingStudyQuery", studyUid)
                        .detail("level=" + level + " matches=" + count),
                actor);
    }
}
