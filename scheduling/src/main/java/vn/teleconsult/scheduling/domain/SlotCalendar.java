package vn.teleconsult.scheduling.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.Recur;

/**
 * One schedule's availability rules, expanded by ical4j once per calendar month and then kept: searches and bookings
 * ask it for slots without expanding any RRULE again. Immutable rules, so safe to share between threads; a change of
 * the rules makes a new calendar (see {@code ScheduleCache}).
 */
public final class SlotCalendar {

    private record Parsed(Recur<LocalDate> recur, RecurrenceRules.Rule rule) {}

    private record LocalWindow(LocalTime start, LocalTime end) {}

    private final List<Parsed> rules;
    private final ZoneId zone;
    private final Duration slotLength;
    private final Map<YearMonth, Map<LocalDate, List<LocalWindow>>> months = new ConcurrentHashMap<>();

    public SlotCalendar(List<RecurrenceRules.Rule> rules, ZoneId zone, Duration slotLength) {
        this.rules = rules.stream()
                .map(r -> new Parsed(
                        RecurrenceRules.parse(r.rrule())
                                .orElseThrow(() -> new IllegalArgumentException("invalid RRULE " + r.rrule())),
                        r))
                .toList();
        this.zone = zone;
        this.slotLength = slotLength;
    }

    /**
     * Slots that lie wholly inside one of the rules' windows and inside [from, to), in time order: the same answer as
     * {@link RecurrenceRules#slots}.
     */
    public List<Interval> slots(Instant from, Instant to) {
        var result = new ArrayList<Interval>();
        if (!to.isAfter(from)) {
            return result;
        }
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1);
                !date.isAfter(last);
                date = date.plusDays(1)) {
            for (LocalWindow w : windowsOn(date)) {
                Instant start = ZonedDateTime.of(date, w.start(), zone).toInstant();
                Instant end = ZonedDateTime.of(date, w.end(), zone).toInstant();
                for (Instant s = start; !s.plus(slotLength).isAfter(end); s = s.plus(slotLength)) {
                    Instant e = s.plus(slotLength);
                    if (!s.isBefore(from) && !e.isAfter(to)) {
                        result.add(new Interval(s, e));
                    }
                }
            }
        }
        result.sort(Comparator.comparing(Interval::start));
        return result;
    }

    /**
     * Whether a slot starts exactly at {@code start}: the same answer as {@code slots(start, start + length)} holding
     * that slot, found without listing a window's slots (a booking asks this on every request).
     */
    public boolean offers(Instant start) {
        Instant end = start.plus(slotLength);
        LocalDate date = start.atZone(zone).toLocalDate();
        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            for (LocalWindow w : windowsOn(d)) {
                Instant windowStart = ZonedDateTime.of(d, w.start(), zone).toInstant();
                if (start.isBefore(windowStart)) {
                    continue;
                }
                Instant windowEnd = ZonedDateTime.of(d, w.end(), zone).toInstant();
                if (!end.isAfter(windowEnd)
                        && Duration.between(windowStart, start).toNanos() % slotLength.toNanos() == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<LocalWindow> windowsOn(LocalDate date) {
        return months.computeIfAbsent(YearMonth.from(date), this::expand).getOrDefault(date, List.of());
    }

    /** Every rule's windows in the month, by date (the only place RRULEs are expanded). */
    private Map<LocalDate, List<LocalWindow>> expand(YearMonth month) {
        var byDate = new ConcurrentHashMap<LocalDate, List<LocalWindow>>();
        for (Parsed p : rules) {
            RecurrenceRules.Rule rule = p.rule();
            LocalDate first = month.atDay(1).isBefore(rule.validFrom()) ? rule.validFrom() : month.atDay(1);
            LocalDate last = month.atEndOfMonth();
            if (rule.validUntil() != null && rule.validUntil().isBefore(last)) {
                last = rule.validUntil();
            }
            if (last.isBefore(first)) {
                continue;
            }
            for (LocalDate date : p.recur().getDates(rule.validFrom(), first, last.plusDays(1))) {
                if (!date.isBefore(first) && !date.isAfter(last)) {
                    byDate.computeIfAbsent(date, d -> new ArrayList<>()).add(new LocalWindow(rule.start(), rule.end()));
                }
            }
        }
        byDate.replaceAll((d, windows) -> windows.stream()
                .sorted(Comparator.comparing(LocalWindow::start))
                .toList());
        return byDate;
    }
}
