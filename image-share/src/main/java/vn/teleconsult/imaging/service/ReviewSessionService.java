package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.imaging.api.OpenReviewSession;
import vn.teleconsult.imaging.api.ReviewSessionView;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.repository.ReviewSessionRepository;
import vn.teleconsult.imaging.repository.ReviewSessionRepository.SessionRow;
import vn.teleconsult.imaging.repository.StudyIndex;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/**
 * Opens, changes and closes the live review sessions of consults for the consult workflow. Members get read access to
 * the session's studies through the same consult grants as {@link vn.teleconsult.imaging.api.StudyAccess#grant}, and
 * every change is announced to all replicas (NOTIFY on {@value ReviewSessionRepository#CHANNEL}) when it commits.
 */
@ApplicationScoped
public class ReviewSessionService implements ReviewSessions {

    /** Most members of one session. */
    static final int MAX_MEMBERS = 50;

    /** Most studies shared into one session. */
    static final int MAX_STUDIES = 100;

    private final ReviewSessionRepository sessions;
    private final StudyIndex index;
    private final AuditTrail audit;
    private final ImagingAudit imagingAudit;
    private final StudyAccessService grants;
    private final ImagingPolicy policy;

    public ReviewSessionService(
            ReviewSessionRepository sessions,
            StudyIndex index,
            AuditTrail audit,
            ImagingAudit imagingAudit,
            StudyAccessService grants,
            ImagingPolicy policy) {
        this.sessions = sessions;
        this.index = index;
        this.audit = audit;
        this.imagingAudit = imagingAudit;
        this.grants = grants;
        this.policy = policy;
    }

    @Override
    @Transactional
    public ReviewSessionView open(OpenReviewSession request) {
        if (request == null) {
            refused(null, "open", "no request");
            throw ProblemException.badRequest("Give the consult, its members, the presenter and the studies.");
        }
        return audited(request.consultId(), "open", () -> {
            request.studyUids().forEach(ReviewSessionService::requireUid);
            var members = new LinkedHashSet<UUID>(request.memberUserIds());
            members.add(request.presenterUserId());
            requireMembers(members);
            request.studyUids().forEach(this::requireStored);
            UUID id = UUID.randomUUID();
            if (sessions.insertOpen(id, request.consultId(), request.presenterUserId())) {
                members.forEach(user -> sessions.addMember(id, user));
                request.studyUids().forEach(uid -> addStudy(id, request.consultId(), uid));
                sessions.notifyChange(change(id, "opened"));
                audit.recordInTransaction(AuditEntry.of(AuditAction.CREATE, "ReviewSession", id)
                        .detail("consult=" + request.consultId() + " members=" + StudyAccessService.ids(members)
                                + " studies=" + request.studyUids().size()));
                return view(sessions.byId(id).orElseThrow());
            }
            SessionRow open = requireOpen(request.consultId());
            boolean added = false;
            for (String uid : request.studyUids()) {
                added |= addStudy(open.id(), open.consultId(), uid);
            }
            if (added) {
                sessions.notifyChange(change(open.id(), "studies"));
                audit.recordInTransaction(AuditEntry.of(AuditAction.UPDATE, "ReviewSession", open.id())
                        .detail("consult=" + open.consultId() + " studies+="
                                + request.studyUids().size()));
            }
            return view(open);
        });
    }

    @Override
    @Transactional
    public ReviewSessionView share(UUID consultId, String studyUid) {
        return audited(consultId, "share", () -> {
            requireUid(studyUid);
            SessionRow open = requireOpen(consultId);
            requireStored(studyUid);
            if (addStudy(open.id(), consultId, studyUid)) {
                sessions.notifyChange(change(open.id(), "studies"));
                audit.recordInTransaction(AuditEntry.of(AuditAction.UPDATE, "ReviewSession", open.id())
                        .detail("consult=" + consultId + " shared study=" + studyUid));
            }
            return view(open);
        });
    }

    @Override
    @Transactional
    public ReviewSessionView members(UUID consultId, Set<UUID> userIds) {
        return audited(consultId, "members", () -> {
            if (userIds == null || userIds.isEmpty() || userIds.stream().anyMatch(java.util.Objects::isNull)) {
                throw ProblemException.badRequest("A review session needs at least one member.");
            }
            requireMembers(userIds);
            SessionRow open = requireOpen(consultId);
            Set<UUID> before = sessions.members(open.id());
            for (UUID gone : before) {
                if (!userIds.contains(gone)) {
                    sessions.removeMember(open.id(), gone);
                }
            }
            for (UUID user : userIds) {
                sessions.addMember(open.id(), user);
            }
            for (String study : sessions.studies(open.id())) {
                grants.grantAudited(study, consultId, userIds, "review-session");
            }
            sessions.revokeGrantsOfFormerMembers(open.id(), consultId);
            // a removed presenter leaves the floor empty until a member claims it
            if (open.presenterId() != null && !userIds.contains(open.presenterId())) {
                sessions.setPresenter(open.id(), null);
            } else if (open.handoverTo() != null && !userIds.contains(open.handoverTo())) {
                sessions.setHandover(open.id(), null);
            }
            sessions.notifyChange(change(open.id(), "members"));
            audit.recordInTransaction(AuditEntry.of(AuditAction.UPDATE, "ReviewSession", open.id())
                    .detail("consult=" + consultId + " members=" + StudyAccessService.ids(userIds)));
            return view(sessions.byId(open.id()).orElseThrow());
        });
    }

    @Override
    @Transactional
    public void close(UUID consultId) {
        requireConsult(consultId);
        Optional<SessionRow> session = sessions.ofConsult(consultId, true);
        if (session.isEmpty() || !session.get().open()) {
            return;
        }
        sessions.close(session.get().id());
        sessions.notifyChange(change(session.get().id(), "closed"));
        audit.record(
                AuditEntry.of(AuditAction.UPDATE, "ReviewSession", session.get().id())
                        .detail("closed"));
    }

    @Override
    @Transactional
    public Optional<ReviewSessionView> find(UUID consultId) {
        requireConsult(consultId);
        return sessions.ofConsult(consultId, false).map(this::view);
    }

    /** The consult's session for one of its members (anyone else gets 404, audited). */
    @Transactional
    public ReviewSessionView findForMember(Actor actor, UUID consultId) {
        requireConsult(consultId);
        Optional<ReviewSessionView> view = find(consultId);
        boolean member =
                view.isPresent() && policy.isReviewMember(actor, view.get().id());
        var entry = AuditEntry.of(
                        AuditAction.READ,
                        "ReviewSession",
                        view.map(v -> v.id().toString()).orElse(null))
                .detail("consult=" + consultId);
        imagingAudit.record(member ? entry : entry.outcome(AuditOutcome.DENIED), actor);
        if (!member) {
            throw ProblemException.notFound("Consult " + consultId + " has no review session of yours.");
        }
        return view.get();
    }

    private boolean addStudy(UUID sessionId, UUID consultId, String studyUid) {
        if (sessions.studies(sessionId).size() >= MAX_STUDIES
                && !sessions.studies(sessionId).contains(studyUid)) {
            throw ProblemException.conflict("A review session holds at most " + MAX_STUDIES + " studies.");
        }
        boolean added = sessions.addStudy(sessionId, studyUid);
        grants.grantAudited(studyUid, consultId, sessions.members(sessionId), "review-session");
        return added;
    }

    /** Runs a change for the consult workflow; a refusal is recorded (ids only) before it is thrown. */
    private ReviewSessionView audited(
            UUID consultId, String what, java.util.function.Supplier<ReviewSessionView> change) {
        if (consultId == null) {
            refused(null, what, "no consult");
            throw ProblemException.badRequest("Give the consult id.");
        }
        try {
            return change.get();
        } catch (ProblemException e) {
            refused(consultId, what, "status=" + e.status());
            throw e;
        }
    }

    private void refused(UUID consultId, String what, String why) {
        audit.record(AuditEntry.of(AuditAction.UPDATE, "ReviewSession", null)
                .outcome(AuditOutcome.DENIED)
                .detail(what + " consult=" + consultId + " " + why));
    }

    private SessionRow requireOpen(UUID consultId) {
        requireConsult(consultId);
        return sessions.ofConsult(consultId, true)
                .filter(SessionRow::open)
                .orElseThrow(() -> ProblemException.notFound("Consult " + consultId + " has no open review session."));
    }

    private void requireStored(String studyUid) {
        if (index.owner(studyUid).isEmpty()) {
            throw ProblemException.notFound("No study " + studyUid + " in the image store.");
        }
    }

    private static void requireConsult(UUID consultId) {
        if (consultId == null) {
            throw ProblemException.badRequest("Give the consult id.");
        }
    }

    private static void requireMembers(Set<UUID> members) {
        if (members.size() > MAX_MEMBERS) {
            throw ProblemException.badRequest("A review session has at most " + MAX_MEMBERS + " members.");
        }
    }

    private static void requireUid(String uid) {
        if (!DicomUids.isValid(uid)) {
            throw ProblemException.badRequest("'" + uid + "' is not a DICOM UID (digits and dots, at most 64).");
        }
    }

    private ReviewSessionView view(SessionRow row) {
        return new ReviewSessionView(
                row.id(),
                row.consultId(),
                row.state(),
                row.presenterId(),
                sessions.members(row.id()),
                sessions.studies(row.id()),
                row.openedAt(),
                row.closedAt());
    }

    /** The NOTIFY payload: only identifiers and a fixed word, never patient data. */
    static String change(UUID sessionId, String what) {
        return "{\"session\":\"" + sessionId + "\",\"change\":\"" + what + "\"}";
    }
}
