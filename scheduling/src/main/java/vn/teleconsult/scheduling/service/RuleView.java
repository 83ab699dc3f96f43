package vn.teleconsult.scheduling.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** An availability rule; start and end are local times in the schedule's time zone. */
public record RuleView(
        UUID id,
        String rrule,
        LocalTime start,
        LocalTime end,
        LocalDate validFrom,
        LocalDate validUntil,
        String timeZone) {}
