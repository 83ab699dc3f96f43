package vn.teleconsult.scheduling.api;

import java.time.Instant;
import java.util.UUID;

/** A patient's video visit as other modules see it: who meets whom, when (UTC, with the schedule's time zone). */
public record VideoVisit(
        UUID id,
        BookingStatus status,
        UUID hospitalId,
        UUID practitionerId,
        UUID patientId,
        Instant start,
        Instant end,
        String timeZone) {}
