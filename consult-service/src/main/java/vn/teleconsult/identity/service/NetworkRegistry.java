package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import vn.teleconsult.identity.domain.Hospital;
import vn.teleconsult.identity.domain.User;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.identity.repository.UserRepository;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/**
 * The network as a caller may read it (FHIR Organization, OrganizationAffiliation, Practitioner, PractitionerRole):
 * hospitals, hub links and clinical staff of the hospitals {@link AdminPolicy#readsDirectoryOf} lets the caller read.
 * Anything else answers 404, as if absent. No patient data, so reads are not audited.
 */
@ApplicationScoped
public class NetworkRegistry {

    /** The roles that make a user a practitioner. */
    public static final Set<Role> CLINICAL = Set.of(Role.COORDINATOR, Role.HUB_SPECIALIST, Role.SATELLITE_DOCTOR);

    private final HospitalRepository hospitals;
    private final UserRepository users;
    private final AdminPolicy policy;

    public NetworkRegistry(HospitalRepository hospitals, UserRepository users, AdminPolicy policy) {
        this.hospitals = hospitals;
        this.users = users;
        this.policy = policy;
    }

    @Transactional
    public HospitalView hospital(Actor actor, UUID id) {
        return hospitals
                .findByIdOptional(id)
                .filter(h -> policy.readsDirectoryOf(actor, h.id))
                .map(HospitalView::of)
                .orElseThrow(() -> ProblemException.notFound("No Organization " + id + "."));
    }

    /** The hospitals the caller may read that match, ordered by code. */
    @Transactional
    public List<HospitalView> hospitals(Actor actor, Predicate<HospitalView> matching, int limit) {
        return readable(actor).stream()
                .map(HospitalView::of)
                .filter(matching)
                .limit(limit)
                .toList();
    }

    @Transactional
    public HubLinkView link(Actor actor, UUID id) {
        return links(actor, l -> l.id().equals(id), 1).stream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No OrganizationAffiliation " + id + "."));
    }

    /**
     * The hub links of satellites the caller may read (a satellite's links are part of its entry, as in
     * {@code /api/admin/hospitals}): so a satellite's staff see their own hubs, not their hubs' other satellites.
     */
    @Transactional
    public List<HubLinkView> links(Actor actor, Predicate<HubLinkView> matching, int limit) {
        var found = new ArrayList<HubLinkView>();
        var rows = hospitals
                .getEntityManager()
                .createQuery("select s.id, h.id, s.active, h.active from Hospital s join s.hubs h", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            UUID satellite = (UUID) row[0];
            UUID hub = (UUID) row[1];
            if (policy.readsDirectoryOf(actor, satellite)) {
                found.add(HubLinkView.of(satellite, hub, (Boolean) row[2] && (Boolean) row[3]));
            }
        }
        return found.stream()
                .filter(matching)
                .sorted(Comparator.comparing(HubLinkView::id))
                .limit(limit)
                .toList();
    }

    /** A clinical staff member (coordinator, hub specialist or satellite doctor) the caller may read. */
    @Transactional
    public UserView practitioner(Actor actor, UUID id) {
        return users.findByIdOptional(id)
                .filter(NetworkRegistry::clinical)
                .filter(u -> policy.readsDirectoryOf(actor, u.hospitalId()))
                .map(UserView::of)
                .orElseThrow(() -> ProblemException.notFound("No Practitioner " + id + "."));
    }

    /** The clinical staff of the hospitals the caller may read that match, ordered by name. */
    @Transactional
    public List<UserView> practitioners(Actor actor, Predicate<UserView> matching, int limit) {
        List<UUID> ids = readable(actor).stream().map(h -> h.id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return users.list("hospital.id in ?1 order by fullName, id", ids).stream()
                .filter(NetworkRegistry::clinical)
                .map(UserView::of)
                .filter(matching)
                .limit(limit)
                .toList();
    }

    private List<Hospital> readable(Actor actor) {
        return hospitals.listAll().stream()
                .filter(h -> policy.readsDirectoryOf(actor, h.id))
                .sorted(Comparator.comparing(h -> h.code.toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static boolean clinical(User u) {
        return u.hospital != null && u.roles.stream().anyMatch(CLINICAL::contains);
    }
}
