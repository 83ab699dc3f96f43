package vn.teleconsult.scheduling.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Expands availability rules (RFC 5545 RRULE over dates, local start and end time) into UTC windows and slots, using
 * ical4j's recurrence engine. Pure logic: no database, no clock.
 */
public final class RecurrenceRules {

    /** A rule as the expansion needs it. */
    public record Rule(String rrule, LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validUntil) {}

    private RecurrenceRules() {}

    /** Parses an RRULE ({@code FREQ=WEEKLY;BYDAY=MO,WE}, with or without the {@code RRULE:} prefix); empty if invalid. */
    public static Optional<Recur<LocalDate>> parse(String rrule) {
        if (rrule == null || rrule.isBlank() || rrule.length() > 500) {
            return Optional.empty();
        }
        String text = rrule.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        if (!text.toUpperCase().contains("FREQ=")) {
            return Optional.empty();
        }
        try {
            Recur<LocalDate> recur = new Recur<>(text);
            Frequency f = recur.getFrequency();
            if (f == Frequency.SECONDLY || f == Frequency.MINUTELY || f == Frequency.HOURLY) {
                return Optional.empty();
            }
            return Optional.of(recur);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The rule's windows (one per recurrence date) that overlap [from, to), in time order. */
    public static List<Interval> windows(Rule rule, ZoneId zone, Instant from, Instant to) {
        Recur<LocalDate> recur =
                parse(rule.rrule()).orElseThrow(() -> new IllegalArgumentException("invalid RRULE " + rule.rrule()));
        LocalDate first = max(rule.validFrom(), from.atZone(zone).toLocalDate().minusDays(1));
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        if (rule.validUntil() != null && rule.validUntil().isBefore(last)) {
            last = rule.validUntil();
        }
        var result = new ArrayList<Interval>();
        if (last.isBefore(first)) {
            return result;
        }
        for (LocalDate date : recur.getDates(rule.validFrom(), first, last.plusDays(1))) {
            if (date.isBefore(first) || date.isAfter(last)) {
                continue;
            }
            Instant start = ZonedDateTime.of(date, rule.start(), zone).toInstant();
            Instant end = ZonedDateTime.of(date, rule.end(), zone).toInstant();
            var window = new Interval(start, end);
            if (end.isAfter(start) && window.overlaps(new Interval(from, to))) {
                result.add(window);
            }
        }
        result.sort(Comparator.comparing(Interval::start));
        return result;
    }

    /** Slots of the given length that lie wholly inside one of the rules' windows and inside [from, to). */
    public static List<Interval> slots(List<Rule> rules, ZoneId zone, Duration length, Instant from, Instant to) {
        var bounds = new Interval(from, to);
        var result = new ArrayList<Interval>();
        for (Rule rule : rules) {
            for (Interval window : windows(rule, zone, from, to)) {
                for (Instant s = window.start(); !s.plus(length).isAfter(window.end()); s = s.plus(length)) {
                    var slot = new Interval(s, s.plus(length));
                    if (bounds.contains(slot)) {
                        result.add(slot);
                    }
                }
            }
        }
        result.sort(Comparator.comparing(Interval::start));
        return result;
    }

    /** Whether two rules (each in its schedule's zone) have overlapping windows within [from, to). */
    public static Optional<Interval> firstOverlap(
            Rule a, ZoneId zoneA, Rule b, ZoneId zoneB, Instant from, Instant to) {
        List<Interval> left = windows(a, zoneA, from, to);
        List<Interval> right = windows(b, zoneB, from, to);
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            Interval x = left.get(i);
            Interval y = right.get(j);
            if (x.overlaps(y)) {
                return Optional.of(x.start().isAfter(y.start()) ? x : y);
            }
            if (x.end().isAfter(y.end())) {
                j++;
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
