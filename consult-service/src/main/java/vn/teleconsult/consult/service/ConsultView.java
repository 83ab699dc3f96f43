package vn.teleconsult.consult.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.Urgency;

/** A consult as its readers see it, with the states the caller may move it to and its history. */
public record ConsultView(
        UUID id,
        long version,
        ConsultState state,
        Urgency urgency,
        String specialty,
        UUID requestingHospitalId,
        UUID hubId,
        UUID requesterId,
        UUID coordinatorId,
        UUID specialistId,
        PatientView patient,
        String clinicalSummary,
        String question,
        boolean consentRecorded,
        Instant consentRecordedAt,
        List<String> studyUids,
        String declineReason,
        String cancelReason,
        UUID bookingId,
        Instant sessionStart,
        Instant sessionEnd,
        UUID roomId,
        Instant createdAt,
        Instant submittedAt,
        Instant acceptDueAt,
        Instant acceptedAt,
        Instant reportedAt,
        Instant closedAt,
        boolean overdue,
        Instant escalatedAt,
        List<ConsultState> allowedNext,
        List<TransitionView> history) {

    static ConsultView of(Consult c, List<ConsultState> allowedNext, List<TransitionView> history) {
        return new ConsultView(
                c.id,
                c.version,
                c.state,
                c.urgency,
                c.specialty,
                c.requestingHospitalId,
                c.hubId,
                c.requesterId,
                c.coordinatorId,
                c.specialistId,
                new PatientView(
                        c.patientKey,
                        c.patientName,
                        c.patientBirthDate,
                        c.patientSex,
                        c.patientNationalId,
                        c.patientInsuranceNumber),
                c.clinicalSummary,
                c.question,
                c.consentRecorded,
                c.consentRecordedAt,
                List.copyOf(c.studyUids),
                c.declineReason,
                c.cancelReason,
                c.bookingId,
                c.sessionStart,
                c.sessionEnd,
                c.roomId,
                c.createdAt,
                c.submittedAt,
                c.acceptDueAt,
                c.acceptedAt,
                c.reportedAt,
                c.closedAt,
                c.overdue(Instant.now()),
                c.escalatedAt,
                allowedNext,
                history);
    }
}
