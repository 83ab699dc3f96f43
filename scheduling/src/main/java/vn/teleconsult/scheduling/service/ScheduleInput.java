package vn.teleconsult.scheduling.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.text.Name;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VisitMode;

/**
 * A new schedule of the caller's hospital for a practitioner ({@code practitionerId}) or a room or device
 * ({@code resourceId}), with its first rules. Lengths in minutes, horizon in days.
 */
public record ScheduleInput(
        UUID practitionerId,
        UUID resourceId,
        @NotNull BookingKind kind,
        @NotBlank @Size(max = 100) String serviceCode,
        @Name @Size(max = 100) String specialty,
        @NotEmpty Set<VisitMode> modes,
        @Size(max = 64) String timeZone,
        @NotNull Integer slotMinutes,
        Integer horizonDays,
        Integer minNoticeMinutes,
        @Size(max = 50) List<@Valid RuleInput> rules) {}
