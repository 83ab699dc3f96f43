package vn.teleconsult.scheduling.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VisitMode;

/**
 * A free slot: {@code start}/{@code end} in UTC, {@code localStart}/{@code localEnd} with the offset of
 * {@code timeZone}.
 */
public record SlotView(
        UUID scheduleId,
        UUID hospitalId,
        UUID resourceId,
        BookingKind kind,
        String serviceCode,
        String specialty,
        Set<VisitMode> modes,
        Instant start,
        Instant end,
        String timeZone,
        String localStart,
        String localEnd) {}
