package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.domain.BookableResource;
import vn.teleconsult.scheduling.domain.ResourceKind;

/** What a hub's coordinators and specialists can give availability to: its specialists, rooms and devices. */
@ApplicationScoped
public class BookableResources {

    private final Directory directory;
    private final SchedulingPolicy policy;

    public BookableResources(Directory directory, SchedulingPolicy policy) {
        this.directory = directory;
        this.policy = policy;
    }

    /** The caller's hospital's specialists (by name) and rooms and devices; a specialist sees them too, read-only. */
    @Transactional
    public List<ResourceView> ofCallersHospital(Actor actor) {
        UUID hospital = policy.resourcesHospital(actor);
        Map<UUID, ResourceView> byId = new LinkedHashMap<>();
        directory.staff(hospital, Role.HUB_SPECIALIST).stream()
                .filter(p -> p.enabled())
                .forEach(p ->
                        byId.put(p.id(), new ResourceView(p.id(), hospital, ResourceKind.PRACTITIONER, p.fullName())));
        List<BookableResource> own = BookableResource.list("hospitalId", hospital);
        for (BookableResource r : own) {
            if (r.kind != ResourceKind.PRACTITIONER) {
                byId.put(r.id, new ResourceView(r.id, r.hospitalId, r.kind, r.name));
            }
        }
        var all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(ResourceView::kind).thenComparing(ResourceView::name));
        return all;
    }

    /** The kind of each of these resources that exists (for the rooms and devices a booking holds). */
    @Transactional
    public Map<UUID, ResourceKind> kindsOf(Collection<UUID> ids) {
        Map<UUID, ResourceKind> kinds = new HashMap<>();
        if (!ids.isEmpty()) {
            BookableResource.<BookableResource>list("id in ?1", ids).forEach(r -> kinds.put(r.id, r.kind));
        }
        return kinds;
    }
}
