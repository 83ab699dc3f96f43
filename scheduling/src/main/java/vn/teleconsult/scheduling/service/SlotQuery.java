package vn.teleconsult.scheduling.service;

import java.time.Instant;
import java.util.UUID;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VisitMode;

/** Filters of a free-slot search; null fields do not filter, {@code from}/{@code to} are required. */
public record SlotQuery(
        BookingKind kind,
        UUID hospitalId,
        UUID practitionerId,
        UUID scheduleId,
        String serviceCode,
        String specialty,
        VisitMode mode,
        Instant from,
        Instant to,
        Integer limit) {}
