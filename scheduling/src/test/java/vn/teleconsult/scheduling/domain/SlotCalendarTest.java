package vn.teleconsult.scheduling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotCalendarTest {

    private static final List<RecurrenceRules.Rule> RULES = List.of(
            new RecurrenceRules.Rule(
                    "FREQ=WEEKLY;BYDAY=MO,WE",
                    LocalTime.of(14, 0),
                    LocalTime.of(17, 0),
                    LocalDate.of(2026, 1, 5),
                    null),
            new RecurrenceRules.Rule(
                    "FREQ=MONTHLY;BYMONTHDAY=1,15,31",
                    LocalTime.of(8, 0),
                    LocalTime.of(9, 30),
                    LocalDate.of(2026, 2, 1),
                    LocalDate.of(2026, 5, 31)));

    @Test
    void shouldCutTheSameSlotsAsExpandingTheRulesEachTime() {
        for (String zone : List.of("Asia/Ho_Chi_Minh", "Europe/Berlin")) {
            var calendar = new SlotCalendar(RULES, ZoneId.of(zone), Duration.ofMinutes(30));
            // ranges that start and end mid-window, cross month ends and a change of summer time in Berlin
            for (String[] range : List.of(
                    new String[] {"2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z"},
                    new String[] {"2026-03-28T12:15:00Z", "2026-04-02T08:10:00Z"},
                    new String[] {"2026-02-15T01:00:00Z", "2026-02-16T00:00:00Z"})) {
                Instant from = Instant.parse(range[0]);
                Instant to = Instant.parse(range[1]);
                assertEquals(
                        RecurrenceRules.slots(RULES, ZoneId.of(zone), Duration.ofMinutes(30), from, to),
                        calendar.slots(from, to),
                        zone + " " + from + "–" + to);
            }
        }
    }

    @Test
    void shouldOfferOnlySlotsOnTheGrid() {
        var calendar = new SlotCalendar(RULES, ZoneId.of("Asia/Ho_Chi_Minh"), Duration.ofMinutes(30));
        // Monday 2026-03-02 14:30 in Ho Chi Minh (UTC+7)
        assertTrue(calendar.offers(Instant.parse("2026-03-02T07:30:00Z")));
        assertFalse(calendar.offers(Instant.parse("2026-03-02T07:40:00Z")));
        // 16:30–17:00 is the last slot; 17:00 is not
        assertTrue(calendar.offers(Instant.parse("2026-03-02T09:30:00Z")));
        assertFalse(calendar.offers(Instant.parse("2026-03-02T10:00:00Z")));
        // Tuesday: no rule
        assertFalse(calendar.offers(Instant.parse("2026-03-03T07:30:00Z")));
    }

    @Test
    void shouldOfferExactlyTheStartsOfTheSlotsItLists() {
        for (String zone : List.of("Asia/Ho_Chi_Minh", "Europe/Berlin")) {
            for (int minutes : new int[] {20, 30, 45}) {
                var length = Duration.ofMinutes(minutes);
                var calendar = new SlotCalendar(RULES, ZoneId.of(zone), length);
                // every 5 minutes over weeks that hold both rules, a month end and Berlin's change to summer time
                Instant from = Instant.parse("2026-03-25T00:00:00Z");
                Instant to = Instant.parse("2026-04-03T00:00:00Z");
                var listed = new java.util.HashSet<>(calendar.slots(from, to.plus(length)));
                int offered = 0;
                for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(5))) {
                    boolean expected = listed.contains(new Interval(t, t.plus(length)));
                    assertEquals(expected, calendar.offers(t), zone + " " + minutes + " min at " + t);
                    offered += expected ? 1 : 0;
                }
                assertTrue(offered > 10, "the range holds slots: " + offered);
            }
        }
    }
}
