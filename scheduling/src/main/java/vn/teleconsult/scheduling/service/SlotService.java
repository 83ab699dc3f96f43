package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        record Candidate(CachedSchedule schedule, Interval slot) {}
        var found = new ArrayList<Candidate>();
        for (CachedSchedule schedule : cache.at(data.versions())) {
            if (query.mode() != null && !schedule.modes().contains(query.mode())) {
                continue;
            }
            List<Interval> busy = data.busy().get(schedule.resourceId());
            List<Interval> off = data.off().get(schedule.resourceId());
            for (Interval slot : candidates(schedule, query.from(), query.to(), now)) {
                if (free(slot, busy) && free(slot, off)) {
                    found.add(new Candidate(schedule, slot));
                }
            }
        }
        found.sort(Comparator.comparing((Candidate c) -> c.slot().start())
                .thenComparing(c -> c.schedule().id()));
        return found.stream()
                .limit(limit)
                .map(c -> view(c.schedule(), c.slot()))
                .toList();
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

    private static boolean free(Interval slot, List<Interval> taken) {
        return taken == null || taken.stream().noneMatch(slot::overlaps);
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
