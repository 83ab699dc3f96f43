package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.teleconsult.scheduling.domain.AvailabilityRule;
import vn.teleconsult.scheduling.domain.BookableResource;
import vn.teleconsult.scheduling.domain.ResourceKind;
import vn.teleconsult.scheduling.domain.Schedule;
import vn.teleconsult.scheduling.domain.SlotCalendar;
import vn.teleconsult.scheduling.repository.ResourceRepository;
import vn.teleconsult.scheduling.repository.ScheduleRepository;

/**
 * Keeps schedules with their expanded rules in memory, by id and version. It is only ever a shortcut: a search reads
 * each schedule's current version from the database with the schedules it finds, and the booking statement inserts
 * only while the cached version is still the current one, so a replica never acts on rules another replica changed.
 * Must be called inside a transaction when it may load.
 */
@ApplicationScoped
public class ScheduleCache {

    /** More cached schedules than this and the cache starts over (a crude bound; schedules are few). */
    private static final int MAX_ENTRIES = 20_000;

    private final Map<UUID, CachedSchedule> entries = new ConcurrentHashMap<>();
    private final ScheduleRepository schedules;
    private final ResourceRepository resources;

    public ScheduleCache(ScheduleRepository schedules, ResourceRepository resources) {
        this.schedules = schedules;
        this.resources = resources;
    }

    /** The schedule as cached, loading it when absent; its version may be stale (the booking statement checks it). */
    public Optional<CachedSchedule> get(UUID id) {
        CachedSchedule cached = entries.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        return fresh(id);
    }

    /** The schedule as it is in the database now. */
    public Optional<CachedSchedule> fresh(UUID id) {
        var loaded = load(List.of(id));
        return Optional.ofNullable(loaded.get(id));
    }

    /** The schedules at the given versions (as just read from the database), loading those not cached at them. */
    public List<CachedSchedule> at(Map<UUID, Integer> versions) {
        var result = new ArrayList<CachedSchedule>(versions.size());
        var missing = new ArrayList<UUID>();
        for (var e : versions.entrySet()) {
            CachedSchedule cached = entries.get(e.getKey());
            if (cached != null && cached.version() == e.getValue()) {
                result.add(cached);
            } else {
                missing.add(e.getKey());
            }
        }
        if (!missing.isEmpty()) {
            result.addAll(load(missing).values());
        }
        return result;
    }

    public void evict(UUID id) {
        entries.remove(id);
    }

    private Map<UUID, CachedSchedule> load(List<UUID> ids) {
        List<Schedule> found = schedules.list("id in ?1", ids);
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<AvailabilityRule>> rules =
                schedules.rules(found.stream().map(s -> s.id).toList());
        Map<UUID, ResourceKind> kinds = new HashMap<>();
        for (BookableResource r : resources.list(
                "id in ?1", found.stream().map(s -> s.resourceId).distinct().toList())) {
            kinds.put(r.id, r.kind);
        }
        if (entries.size() + found.size() > MAX_ENTRIES) {
            entries.clear();
        }
        var result = new HashMap<UUID, CachedSchedule>();
        for (Schedule s : found) {
            var calendar = new SlotCalendar(
                    rules.getOrDefault(s.id, List.of()).stream()
                            .map(ScheduleService::rule)
                            .toList(),
                    s.zone(),
                    Duration.ofMinutes(s.slotMinutes));
            var cached = CachedSchedule.of(s, kinds.get(s.resourceId), calendar);
            entries.merge(s.id, cached, (old, now) -> now.version() >= old.version() ? now : old);
            result.put(s.id, cached);
        }
        return result;
    }
}
