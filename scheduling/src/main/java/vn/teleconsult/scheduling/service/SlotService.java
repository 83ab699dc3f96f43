package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.scheduling.domain.AvailabilityRule;
import vn.teleconsult.scheduling.domain.Interval;
import vn.teleconsult.scheduling.domain.RecurrenceRules;
import vn.teleconsult.scheduling.domain.Schedule;
import vn.teleconsult.scheduling.repository.ResourceRepository;
import vn.teleconsult.scheduling.repository.ScheduleRepository;

/** Free/busy search: slots from the schedules' rules, minus exceptions, existing bookings and unexpired holds. */
@ApplicationScoped
public class SlotService {

    private final ScheduleRepository schedules;
    private final ResourceRepository resources;
    private final SchedulingSettings settings;

    public SlotService(ScheduleRepository schedules, ResourceRepository resources, SchedulingSettings settings) {
        this.schedules = schedules;
        this.resources = resources;
        this.settings = settings;
    }

    @Transactional
    public List<SlotView> search(SlotQuery query) {
        if (query.from() == null || query.to() == null) {
            throw ProblemException.badRequest("from and to: both are needed (UTC date-times).");
        }
        if (!query.to().isAfter(query.from())) {
            throw ProblemException.badRequest("to: must be after from (" + query.from() + ").");
        }
        if (Duration.between(query.from(), query.to()).toDays() > settings.maxSearchDays()) {
            throw ProblemException.badRequest(
                    "to: one search covers at most " + settings.maxSearchDays() + " days; narrow the range.");
        }
        int limit = query.limit() == null ? 100 : query.limit();
        if (limit < 1 || limit > settings.maxSearchResults()) {
            throw ProblemException.badRequest("limit: must be between 1 and " + settings.maxSearchResults() + ".");
        }
        var filter = new ScheduleRepository.Filter(
                query.kind(),
                query.hospitalId(),
                query.practitionerId(),
                query.scheduleId(),
                query.serviceCode(),
                query.specialty());
        List<Schedule> found = schedules.search(filter, settings.maxSearchSchedules()).stream()
                .filter(s -> query.mode() == null || s.modeSet().contains(query.mode()))
                .toList();
        Instant now = Instant.now();
        Map<UUID, List<AvailabilityRule>> rules =
                schedules.rules(found.stream().map(s -> s.id).toList());
        List<UUID> resourceIds =
                found.stream().map(s -> s.resourceId).distinct().toList();
        Map<UUID, List<Interval>> busy = resources.busy(resourceIds, query.from(), query.to());
        Map<UUID, List<Interval>> off = resources.exceptions(resourceIds, query.from(), query.to());
        var result = new ArrayList<SlotView>();
        for (Schedule schedule : found) {
            for (Interval slot : candidates(schedule, rules.getOrDefault(schedule.id, List.of()), query, now)) {
                if (free(slot, busy.get(schedule.resourceId)) && free(slot, off.get(schedule.resourceId))) {
                    result.add(view(schedule, slot));
                }
            }
        }
        result.sort(Comparator.comparing(SlotView::start).thenComparing(SlotView::scheduleId));
        return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
    }

    /** The schedule's slots within [from, to) that may be booked now: after the minimum notice, within the horizon. */
    static List<Interval> candidates(Schedule schedule, List<AvailabilityRule> rules, SlotQuery query, Instant now) {
        Instant earliest = now.plus(Duration.ofMinutes(schedule.minNoticeMinutes));
        Instant latest = now.plus(Duration.ofDays(schedule.horizonDays));
        Instant from = query.from().isBefore(earliest) ? earliest : query.from();
        Instant to = query.to().isAfter(latest) ? latest : query.to();
        if (!to.isAfter(from)) {
            return List.of();
        }
        return slots(schedule, rules, from, to);
    }

    static List<Interval> slots(Schedule schedule, List<AvailabilityRule> rules, Instant from, Instant to) {
        return RecurrenceRules.slots(
                rules.stream().map(ScheduleService::rule).toList(),
                schedule.zone(),
                Duration.ofMinutes(schedule.slotMinutes),
                from,
                to);
    }

    private static boolean free(Interval slot, List<Interval> taken) {
        return taken == null || taken.stream().noneMatch(slot::overlaps);
    }

    static SlotView view(Schedule s, Interval slot) {
        return new SlotView(
                s.id,
                s.hospitalId,
                s.resourceId,
                s.kind,
                s.serviceCode,
                s.specialty,
                s.modeSet(),
                slot.start(),
                slot.end(),
                s.timeZone,
                Views.local(slot.start(), s.timeZone),
                Views.local(slot.end(), s.timeZone));
    }
}
