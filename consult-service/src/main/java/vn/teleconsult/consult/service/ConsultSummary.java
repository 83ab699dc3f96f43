package vn.teleconsult.consult.service;

import java.time.Instant;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.Urgency;

/** One row of a worklist. */
public record ConsultSummary(
        UUID id,
        long version,
        ConsultState state,
        Urgency urgency,
        String specialty,
        UUID requestingHospitalId,
        UUID hubId,
        UUID specialistId,
        String patientName,
        String question,
        Instant submittedAt,
        Instant acceptDueAt,
        boolean overdue,
        Instant escalatedAt,
        Instant sessionStart) {

    static ConsultSummary of(Consult c, Instant now) {
        return new ConsultSummary(
                c.id,
                c.version,
                c.state,
                c.urgency,
                c.specialty,
                c.requestingHospitalId,
                c.hubId,
                c.specialistId,
                c.patientName,
                c.question,
                c.submittedAt,
                c.acceptDueAt,
                c.overdue(now),
                c.escalatedAt,
                c.sessionStart);
    }
}
