package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import vn.teleconsult.imaging.repository.ReviewSessionRepository;
import vn.teleconsult.imaging.repository.StudyIndex;
import vn.teleconsult.imaging.repository.StudySearch.Viewer;
import vn.teleconsult.imaging.service.DicomNodes.Kind;
import vn.teleconsult.imaging.service.DicomNodes.Node;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/**
 * The image-share module's tenant rules, in one place: who may read a study, store for a hospital, use or manage a
 * DICOM node, follow a PACS retrieval, share a study by link or join a review session. DICOMweb, DIMSE, PACS pull,
 * share links, node administration and review sessions all ask here; none of them compares hospitals itself.
 *
 * <p>A study belongs to the hospital that stored it. Clinical staff and system clients (including a calling AE title,
 * which acts for the hospital it is registered to) read their own hospital's studies; anyone else reads a study only
 * through a grant the consult workflow gave them as a member of a consult. Refusals answer 404, as if absent.
 */
@ApplicationScoped
public class ImagingPolicy {

    private static final Set<Role> CLINICAL =
            Set.of(Role.COORDINATOR, Role.HUB_SPECIALIST, Role.SATELLITE_DOCTOR, Role.SYSTEM);

    private final StudyIndex index;
    private final ReviewSessionRepository reviews;

    public ImagingPolicy(StudyIndex index, ReviewSessionRepository reviews) {
        this.index = index;
        this.reviews = reviews;
    }

    /** Whether the actor may read the study (false for unknown studies). */
    @Transactional
    public boolean canRead(Actor actor, String studyUid) {
        Optional<UUID> owner = index.owner(studyUid);
        if (owner.isEmpty()) {
            return false;
        }
        if (ownHospital(actor, owner.get())) {
            return true;
        }
        UUID user = person(actor);
        return user != null && index.granted(studyUid, user);
    }

    /** The scope of studies an actor may list: its hospital's (clinical roles) and those granted to it. */
    public Viewer viewer(Actor actor) {
        return new Viewer(clinical(actor) ? actor.hospitalId() : null, person(actor));
    }

    /** The hospital the actor stores studies for; 403 for callers without one (network administrators, patients). */
    public UUID storingHospital(Actor actor) {
        if (actor.hospitalId() == null || !clinical(actor)) {
            throw ProblemException.forbidden("Only staff or systems of a hospital can store studies.");
        }
        return actor.hospitalId();
    }

    /** The hospital PACS the actor may search and pull from: REMOTE nodes of its own hospital; others 404. */
    public Node pacsOf(Actor actor, Optional<Node> node, UUID nodeId) {
        if (node.isEmpty()
                || node.get().kind() != Kind.REMOTE
                || !ownHospital(actor, node.get().hospitalId())) {
            throw ProblemException.notFound("No PACS " + nodeId + " for your hospital.");
        }
        return node.get();
    }

    /** The hospital PACS the actor may use: its own hospital's (none for callers without a hospital). */
    public List<Node> listablePacs(Actor actor, Function<UUID, List<Node>> remoteNodesOf) {
        return actor.hospitalId() == null || !clinical(actor) ? List.of() : remoteNodesOf.apply(actor.hospitalId());
    }

    /** Whether a PACS retrieval started for {@code hospitalId} may be followed by the actor. */
    public boolean canFollowRetrieval(Actor actor, UUID hospitalId) {
        return ownHospital(actor, hospitalId);
    }

    /**
     * The DICOM nodes the administrator may list: a network administrator any hospital's (or all, when none is asked
     * for), a hospital administrator only its own (asking for another hospital's answers none).
     */
    public List<Node> listableNodes(Actor actor, UUID asked, Function<UUID, List<Node>> ofHospital) {
        if (actor.isNetworkAdmin()) {
            return ofHospital.apply(asked);
        }
        if (actor.hospitalId() == null || (asked != null && !asked.equals(actor.hospitalId()))) {
            return List.of();
        }
        return ofHospital.apply(actor.hospitalId());
    }

    /** The hospital a new node goes to; another hospital's (for a hospital administrator) answers 404. */
    public UUID nodeHospital(Actor actor, UUID asked) {
        UUID hospital = asked == null ? actor.hospitalId() : asked;
        if (hospital == null) {
            throw ProblemException.badRequest("Give the hospitalId the node belongs to.");
        }
        if (!actor.isNetworkAdmin() && !hospital.equals(actor.hospitalId())) {
            throw ProblemException.notFound("No such hospital.");
        }
        return hospital;
    }

    /** A node the administrator may see, change, delete and test; another hospital's answers 404. */
    public Node manageableNode(Actor actor, Optional<Node> node) {
        return node.filter(n -> actor.isNetworkAdmin() || n.hospitalId().equals(actor.hospitalId()))
                .orElseThrow(() -> ProblemException.notFound("No such DICOM node."));
    }

    /** Whether a C-MOVE from a caller of {@code callerHospital} may send to the node: its own hospital's callers only. */
    public boolean isMoveDestination(UUID callerHospital, Node destination) {
        return destination.kind() == Kind.CALLING
                && destination.hospitalId().equals(callerHospital)
                && destination.host() != null
                && destination.port() != null;
    }

    /** The hospital a share link is created for: the actor's own, and only for a study it may read; others 404. */
    public UUID shareLinkHospital(Actor actor, String studyUid) {
        if (actor.hospitalId() == null || !canRead(actor, studyUid)) {
            throw ProblemException.notFound("No study " + studyUid + " that you may share.");
        }
        return actor.hospitalId();
    }

    /** The hospital whose share links the actor may revoke: its own (none, as a nil id, without a hospital). */
    public UUID shareLinkScope(Actor actor) {
        return actor.hospitalId() == null || !clinical(actor) ? new UUID(0, 0) : actor.hospitalId();
    }

    /** Whether the actor is a member of the review session (people only; system clients never are). */
    @Transactional
    public boolean isReviewMember(Actor actor, UUID sessionId) {
        UUID user = person(actor);
        return user != null && reviews.isMember(sessionId, user);
    }

    private static boolean ownHospital(Actor actor, UUID hospital) {
        return actor.hospitalId() != null && actor.hospitalId().equals(hospital) && clinical(actor);
    }

    private static boolean clinical(Actor actor) {
        return actor.roles().stream().anyMatch(CLINICAL::contains);
    }

    /** The user id of a person; null for system clients and calling AE titles, which never hold grants. */
    static UUID person(Actor actor) {
        try {
            return UUID.fromString(actor.id());
        } catch (IllegalArgumentException | NullPointerException systemClient) {
            return null;
        }
    }
}
