package vn.teleconsult.scheduling.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.VisitMode;

/** A booking as the web client sees it; UTC instants plus local times with the schedule's zone. */
public record BookingView(
        UUID id,
        BookingStatus status,
        BookingKind kind,
        VisitMode mode,
        UUID scheduleId,
        UUID hospitalId,
        UUID practitionerId,
        String serviceCode,
        Instant start,
        Instant end,
        String timeZone,
        String localStart,
        String localEnd,
        Instant holdExpiresAt,
        UUID patientId,
        UUID consultId,
        boolean urgent,
        String reasonCode,
        String cancelReason,
        int sequence,
        List<UUID> resourceIds,
        Set<UUID> participantIds) {}
