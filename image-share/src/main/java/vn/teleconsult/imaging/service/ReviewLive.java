package vn.teleconsult.imaging.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.imaging.repository.ReviewSessionRepository;
import vn.teleconsult.imaging.repository.ReviewSessionRepository.SessionRow;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.security.Actor;

/**
 * What participants of a live review session do over the review WebSocket: join, change the viewing state (presenter
 * only), and pass the presenter's role on. Every change is stored and announced to all replicas with NOTIFY.
 */
@ApplicationScoped
public class ReviewLive {

    private final ReviewSessionRepository sessions;
    private final ImagingPolicy policy;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public ReviewLive(ReviewSessionRepository sessions, ImagingPolicy policy, AuditTrail audit, ObjectMapper json) {
        this.sessions = sessions;
        this.policy = policy;
        this.audit = audit;
        this.json = json;
    }

    /** Availability of one series of a study: instances stored so far and the first of them. */
    public record SeriesAvailability(
            String seriesUid, String modality, Integer seriesNumber, long instances, String firstInstanceUid) {}

    /** One study of a session with what has arrived of it. */
    public record StudyAvailability(String studyUid, List<SeriesAvailability> series) {}

    /** A session as a participant sees it on joining. */
    public record Snapshot(
            UUID sessionId,
            UUID consultId,
            boolean open,
            UUID presenter,
            UUID handoverTo,
            Set<UUID> members,
            List<StudyAvailability> studies,
            JsonNode view,
            long version) {}

    /** A refused action, with a short code and a reason for the client. */
    public static class Refused extends RuntimeException {
        private final String code;

        public Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * Lets a member into the consult's open session and answers its current state; empty (and audited as refused) for
     * anyone else or when no session is open.
     */
    @Transactional
    public Optional<Snapshot> join(UUID consultId, Actor actor) {
        Optional<SessionRow> session = sessions.ofConsult(consultId, false).filter(SessionRow::open);
        boolean member = session.isPresent()
                && policy.isReviewMember(actor, session.get().id());
        var entry = AuditEntry.of(
                        AuditAction.READ,
                        "ReviewSession",
                        session.map(s -> s.id().toString()).orElse(null))
                .detail("join consult=" + consultId);
        audit.record(member ? entry : entry.outcome(AuditOutcome.DENIED), actor, null);
        return member ? Optional.of(snapshot(session.get())) : Optional.empty();
    }

    /** The session's current state (for resynchronising after a lost notification); empty when it is gone. */
    @Transactional
    public Optional<Snapshot> snapshot(UUID sessionId) {
        return sessions.byId(sessionId).map(this::snapshot);
    }

    /** The viewing state and its version, when newer than {@code after}. */
    @Transactional
    public Optional<Snapshot> viewIfNewer(UUID sessionId, long after) {
        return sessions.byId(sessionId)
                .filter(s -> s.viewVersion() > after)
                .map(s -> new Snapshot(
                        s.id(),
                        s.consultId(),
                        s.open(),
                        s.presenterId(),
                        s.handoverTo(),
                        Set.of(),
                        List.of(),
                        parse(s.viewState()),
                        s.viewVersion()));
    }

    @Transactional
    public StudyAvailability availability(String studyUid) {
        var series = new ArrayList<SeriesAvailability>();
        for (Object[] r : sessions.seriesCounts(studyUid)) {
            series.add(new SeriesAvailability(
                    (String) r[0],
                    (String) r[1],
                    r[2] == null ? null : ((Number) r[2]).intValue(),
                    ((Number) r[3]).longValue(),
                    (String) r[4]));
        }
        return new StudyAvailability(studyUid, series);
    }

    /** Replaces the viewing state; only the current presenter of the open session may. */
    @Transactional
    public long changeView(UUID sessionId, UUID user, JsonNode state) {
        JsonNode checked;
        try {
            checked = ViewState.checked(state);
        } catch (ViewState.Invalid e) {
            throw new Refused("invalid", e.getMessage());
        }
        if (!sessions.studies(sessionId).contains(checked.get("studyUid").asText())) {
            throw new Refused("invalid", "'studyUid' is not a study of this session.");
        }
        long version = sessions.updateView(sessionId, user, checked.toString())
                .orElseThrow(() -> new Refused("not-presenter", "Only the presenter may change the view."));
        sessions.notifyChange("{\"session\":\"" + sessionId + "\",\"change\":\"view\",\"version\":" + version + "}");
        return version;
    }

    /** A member asks the presenter for the floor (or takes it when nobody presents). */
    @Transactional
    public void requestPresenter(UUID sessionId, UUID user) {
        SessionRow session = lockedOpen(sessionId, user);
        if (user.equals(session.presenterId())) {
            throw new Refused("conflict", "You are the presenter already.");
        }
        if (session.presenterId() == null) {
            sessions.setPresenter(sessionId, user);
        } else {
            sessions.setHandover(sessionId, user);
        }
        presenterChanged(sessionId);
    }

    /** The presenter hands the floor to a member (the one who asked, or anyone else of the session). */
    @Transactional
    public void grantPresenter(UUID sessionId, UUID presenter, UUID to) {
        SessionRow session = lockedOpen(sessionId, presenter);
        if (!presenter.equals(session.presenterId())) {
            throw new Refused("not-presenter", "Only the presenter may hand over.");
        }
        if (to == null || !sessions.isMember(sessionId, to)) {
            throw new Refused("invalid", "'userId' must be a member of this session.");
        }
        sessions.setPresenter(sessionId, to);
        presenterChanged(sessionId);
    }

    /** The presenter turns a request down, or the asking member withdraws it. */
    @Transactional
    public void declinePresenter(UUID sessionId, UUID user) {
        SessionRow session = lockedOpen(sessionId, user);
        if (session.handoverTo() == null) {
            throw new Refused("conflict", "Nobody asked for the floor.");
        }
        if (!user.equals(session.presenterId()) && !user.equals(session.handoverTo())) {
            throw new Refused("not-presenter", "Only the presenter or the asking member may decline.");
        }
        sessions.setHandover(sessionId, null);
        presenterChanged(sessionId);
    }

    private SessionRow lockedOpen(UUID sessionId, UUID user) {
        SessionRow session = sessions.byId(sessionId, true)
                .filter(SessionRow::open)
                .orElseThrow(() -> new Refused("closed", "The review session has ended."));
        if (!sessions.isMember(sessionId, user)) {
            throw new Refused("not-member", "You are not a member of this review session.");
        }
        return session;
    }

    private void presenterChanged(UUID sessionId) {
        sessions.notifyChange("{\"session\":\"" + sessionId + "\",\"change\":\"presenter\"}");
    }

    private Snapshot snapshot(SessionRow s) {
        var studies = new ArrayList<StudyAvailability>();
        for (String uid : sessions.studies(s.id())) {
            studies.add(availability(uid));
        }
        return new Snapshot(
                s.id(),
                s.consultId(),
                s.open(),
                s.presenterId(),
                s.handoverTo(),
                sessions.members(s.id()),
                studies,
                parse(s.viewState()),
                s.viewVersion());
    }

    private JsonNode parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored viewing state is not JSON", e);
        }
    }
}
