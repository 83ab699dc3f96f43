package vn.teleconsult.visit;

import java.time.Instant;
import java.util.UUID;

/**
 * What the patient or the doctor needs to join a video visit: the room, where to ask for the single-use video grant,
 * and, for the patient, the waiting room to enter first (the doctor admits them).
 *
 * @param role {@code HOST} for the doctor, {@code PATIENT} for the patient
 * @param lobbyPath the waiting room (POST to enter, answers whether admitted); null for the host
 */
public record VisitJoinView(
        UUID bookingId,
        UUID roomId,
        String role,
        String grantPath,
        String lobbyPath,
        Instant start,
        Instant end,
        String timeZone) {}
