package vn.teleconsult.scheduling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecurrenceRulesTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private static RecurrenceRules.Rule rule(String rrule, int fromHour, int toHour) {
        return new RecurrenceRules.Rule(rrule, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0), MONDAY, null);
    }

    @Test
    void shouldCutMondayAndWednesdayAfternoonsIntoHalfHourSlotsInLocalTime() {
        Instant from = MONDAY.atStartOfDay(VN).toInstant();
        var slots = RecurrenceRules.slots(
                java.util.List.of(rule("FREQ=WEEKLY;BYDAY=MO,WE", 14, 17)),
                VN,
                Duration.ofMinutes(30),
                from,
                from.plus(Duration.ofDays(7)));
        assertEquals(12, slots.size());
        assertEquals(Instant.parse("2026-11-30T07:00:00Z"), slots.get(0).start());
        assertEquals(Instant.parse("2026-12-02T09:30:00Z"), slots.get(11).start());
    }

    @Test
    void shouldFindOverlapsOnlyWhereWindowsMeet() {
        Instant from = MONDAY.atStartOfDay(VN).toInstant();
        Instant to = from.plus(Duration.ofDays(60));
        assertTrue(RecurrenceRules.firstOverlap(
                        rule("FREQ=WEEKLY;BYDAY=MO", 14, 17), VN, rule("FREQ=DAILY", 16, 18), VN, from, to)
                .isPresent());
        assertTrue(RecurrenceRules.firstOverlap(
                        rule("FREQ=WEEKLY;BYDAY=MO", 14, 17), VN, rule("FREQ=WEEKLY;BYDAY=TU", 14, 17), VN, from, to)
                .isEmpty());
        assertTrue(RecurrenceRules.firstOverlap(
                        rule("FREQ=WEEKLY;BYDAY=MO", 14, 17), VN, rule("FREQ=WEEKLY;BYDAY=MO", 17, 18), VN, from, to)
                .isEmpty());
    }

    @Test
    void shouldRefuseMalformedOrSubDailyRules() {
        assertTrue(RecurrenceRules.parse("FREQ=WEEKLY;BYDAY=MO").isPresent());
        assertTrue(RecurrenceRules.parse("RRULE:FREQ=DAILY;INTERVAL=2").isPresent());
        assertTrue(RecurrenceRules.parse("FREQ=HOURLY").isEmpty());
        assertTrue(RecurrenceRules.parse("FREQ=WEEKLY;BYDAY=XX").isEmpty());
        assertTrue(RecurrenceRules.parse("every monday").isEmpty());
        assertTrue(RecurrenceRules.parse("").isEmpty());
    }
}
