package vn.teleconsult.scheduling.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A recurring availability window: {@code rrule} such as {@code FREQ=WEEKLY;BYDAY=MO,WE}, local {@code start} and
 * {@code end} times ("14:00", "17:00") in the schedule's zone, from {@code validFrom} to {@code validUntil} (optional).
 */
public record RuleInput(
        @NotBlank @Size(max = 500) String rrule,
        @NotNull LocalTime start,
        @NotNull LocalTime end,
        @NotNull LocalDate validFrom,
        LocalDate validUntil) {}
