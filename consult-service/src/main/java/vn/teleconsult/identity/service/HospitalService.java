package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.identity.domain.Hospital;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Hospitals and the links from satellites to their hubs. Network administrators change them; others read. */
@ApplicationScoped
public class HospitalService {

    private final AuditTrail audit;

    static final String DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

    private final HospitalRepository hospitals;
    private final AdminPolicy policy;
    private final Event<HubLinkChanged> linkChanges;

    public HospitalService(
            HospitalRepository hospitals, AdminPolicy policy, AuditTrail audit, Event<HubLinkChanged> linkChanges) {
        this.audit = audit;
        this.hospitals = hospitals;
        this.policy = policy;
        this.linkChanges = linkChanges;
    }

    /** Every hospital for a network administrator; a hospital administrator sees only their own. */
    @Transactional
    public List<HospitalView> list(Actor actor) {
        policy.requireAdmin(actor);
        var all = actor.isNetworkAdmin()
                ? hospitals.listAll()
                : hospitals.findByIdOptional(actor.hospitalId()).stream().toList();
        return all.stream()
                .sorted((a, b) -> a.code.compareToIgnoreCase(b.code))
                .map(HospitalView::of)
                .toList();
    }

    @Transactional
    public HospitalView get(Actor actor, UUID id) {
        policy.requireAdminOf(actor, id);
        return HospitalView.of(find(id));
    }

    @Transactional
    public HospitalView create(Actor actor, HospitalInput input) {
        policy.requireNetworkAdmin(actor);
        if (hospitals.findByCode(input.code()).isPresent()) {
            throw ProblemException.conflict("A hospital with code '" + input.code() + "' exists already.");
        }
        var h = new Hospital();
        h.id = UUID.randomUUID();
        h.createdAt = Instant.now();
        apply(h, input);
        hospitals.persist(h);
        hospitals.flush();
        audit.record(AuditEntry.of(AuditAction.CREATE, "Hospital", h.id).detail(h.code));
        return HospitalView.of(h);
    }

    @Transactional
    public HospitalView update(Actor actor, UUID id, HospitalInput input, Long expectedVersion) {
        policy.requireNetworkAdmin(actor);
        var h = find(id);
        if (expectedVersion != null && expectedVersion != h.version) {
            throw ProblemException.conflict("The hospital was changed by someone else; reload it and try again.");
        }
        hospitals.findByCode(input.code()).filter(other -> !other.id.equals(id)).ifPresent(other -> {
            throw ProblemException.conflict("A hospital with code '" + input.code() + "' exists already.");
        });
        if (h.kind != input.kind() && (!h.hubs.isEmpty() || hospitals.count("?1 member of hubs", h) > 0)) {
            throw ProblemException.conflict("Remove the hospital's hub links before changing its kind.");
        }
        apply(h, input);
        hospitals.flush();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "Hospital", h.id).detail(h.code));
        return HospitalView.of(h);
    }

    /** Links a satellite to a hub; linking twice changes nothing. */
    @Transactional
    public HospitalView link(Actor actor, UUID satelliteId, UUID hubId) {
        policy.requireNetworkAdmin(actor);
        var satellite = find(satelliteId);
        var hub = find(hubId);
        if (satellite.kind != HospitalKind.SATELLITE) {
            throw ProblemException.badRequest(satellite.code + " is a hub; only satellites are linked to hubs.");
        }
        if (hub.kind != HospitalKind.HUB) {
            throw ProblemException.badRequest(hub.code + " is a satellite; a satellite can only be linked to a hub.");
        }
        if (satellite.hubs.add(hub)) {
            hospitals.flush();
            audit.record(
                    AuditEntry.of(AuditAction.UPDATE, "Hospital", satellite.id).detail("linked to hub " + hub.code));
            linkChanges.fire(new HubLinkChanged(satellite.id, hub.id));
        }
        return HospitalView.of(satellite);
    }

    @Transactional
    public HospitalView unlink(Actor actor, UUID satelliteId, UUID hubId) {
        policy.requireNetworkAdmin(actor);
        var satellite = find(satelliteId);
        if (satellite.hubs.removeIf(h -> h.id.equals(hubId))) {
            hospitals.flush();
            audit.record(
                    AuditEntry.of(AuditAction.UPDATE, "Hospital", satellite.id).detail("unlinked from hub " + hubId));
            linkChanges.fire(new HubLinkChanged(satellite.id, hubId));
        }
        return HospitalView.of(satellite);
    }

    Hospital find(UUID id) {
        return hospitals
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No hospital with id " + id + "."));
    }

    private static void apply(Hospital h, HospitalInput input) {
        h.code = input.code().trim();
        h.name = input.name().trim();
        h.kind = input.kind();
        h.province = input.province() == null ? null : input.province().trim();
        h.timeZone =
                input.timeZone() == null || input.timeZone().isBlank() ? DEFAULT_TIME_ZONE : zone(input.timeZone());
        h.active = input.active() == null || input.active();
    }

    private static String zone(String zone) {
        try {
            return ZoneId.of(zone.trim()).getId();
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(
                    "'" + zone + "' is not a time zone; use an IANA name such as " + DEFAULT_TIME_ZONE + ".");
        }
    }
}
