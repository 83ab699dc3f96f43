package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.scheduling.domain.Interval;
import vn.teleconsult.scheduling.repository.ScheduleRepository;

/**
 * Free/busy search: slots from the schedules' rules, minus exceptions, existing bookings and unexpired holds. One
 * statement reads the matching schedules' versions and the taken time; the rules come expanded from {@link
 * ScheduleCache}.
 */
@ApplicationScoped
public class SlotService {

    private final ScheduleRepository schedules;
    private final ScheduleCache cache;
    private final SchedulingSettings settings;

    public SlotService(ScheduleRepository schedules, ScheduleCache cache, SchedulingSettings settings) {
        this.schedules = schedules;
        this.cache = cache;
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
        var data = schedules.searchData(filter, settings.maxSearchSchedules(), query.from(), query.to());
        Instant now = Instant.now();
        // each schedule's free slots are in time order: merge them until the limit instead of sorting them all
        var queue = new PriorityQueue<FreeSlots>(Comparator.comparing(FreeSlots::head)
                .thenComparing(f -> f.schedule().id()));
        for (CachedSchedule schedule : cache.at(data.versions())) {
            if (query.mode() != null && !schedule.modes().contains(query.mode())) {
                continue;
            }
            List<Interval> free = free(
                    candidates(schedule, query.from(), query.to(), now),
                    data.busy().get(schedule.resourceId()),
                    data.off().get(schedule.resourceId()));
            if (!free.isEmpty()) {
                queue.add(new FreeSlots(schedule, free));
            }
        }
        var result = new ArrayList<SlotView>(Math.min(limit, 64));
        while (result.size() < limit && !queue.isEmpty()) {
            FreeSlots next = queue.poll();
            result.add(view(next.schedule(), next.slots().get(next.position)));
            if (++next.position < next.slots().size()) {
                queue.add(next);
            }
        }
        return result;
    }

    /** One schedule's free slots in time order, and how many of them the merge has taken. */
    private static final class FreeSlots {
        private final CachedSchedule schedule;
        private final List<Interval> slots;
        private int position;

        FreeSlots(CachedSchedule schedule, List<Interval> slots) {
            this.schedule = schedule;
            this.slots = slots;
        }

        CachedSchedule schedule() {
            return schedule;
        }

        List<Interval> slots() {
            return slots;
        }

        Instant head() {
            return slots.get(position).start();
        }
    }

    /** The slots (in time order) that overlap none of the taken ranges, in one pass over both. */
    static List<Interval> free(List<Interval> slots, List<Interval> busy, List<Interval> off) {
        List<Interval> taken = new ArrayList<>();
        if (busy != null) {
            taken.addAll(busy);
        }
        if (off != null) {
            taken.addAll(off);
        }
        if (taken.isEmpty()) {
            return slots;
        }
        taken.sort(Comparator.comparing(Interval::start));
        var result = new ArrayList<Interval>(slots.size());
        int first = 0;
        for (Interval slot : slots) {
            // ranges that end before this slot cannot touch any later slot either
            while (first < taken.size() && !taken.get(first).end().isAfter(slot.start())) {
                first++;
            }
            boolean clear = true;
            for (int i = first; i < taken.size() && taken.get(i).start().isBefore(slot.end()); i++) {
                if (taken.get(i).end().isAfter(slot.start())) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                result.add(slot);
            }
        }
        return result;
    }

    /** The schedule's slots within [from, to) that may be booked now: after the minimum notice, within the horizon. */
    static List<Interval> candidates(CachedSchedule schedule, Instant qFrom, Instant qTo, Instant now) {
        Instant earliest = now.plus(Duration.ofMinutes(schedule.minNoticeMinutes()));
        Instant latest = now.plus(Duration.ofDays(schedule.horizonDays()));
        Instant from = qFrom.isBefore(earliest) ? earliest : qFrom;
        Instant to = qTo.isAfter(latest) ? latest : qTo;
        if (!to.isAfter(from)) {
            return List.of();
        }
        return schedule.calendar().slots(from, to);
    }

    static SlotView view(CachedSchedule s, Interval slot) {
        return new SlotView(
                s.id(),
                s.hospitalId(),
                s.resourceId(),
                s.kind(),
                s.serviceCode(),
                s.specialty(),
                s.modes(),
                slot.start(),
                slot.end(),
                s.timeZone(),
                Views.local(slot.start(), s.timeZone()),
                Views.local(slot.end(), s.timeZone()));
    }
}
