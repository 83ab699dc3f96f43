package vn.teleconsult.consult.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A consult request from a satellite to a hub, with its patient, question, state and session; version-locked. */
@Entity
@Table(schema = "consult", name = "consult")
public class Consult {

    @Id
    public UUID id;

    /** Optimistic lock: two concurrent changes of one consult cannot both commit. */
    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    public ConsultState state;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    public String specialty;

    @Column(name = "requesting_hospital_id")
    public UUID requestingHospitalId;

    @Column(name = "hub_id")
    public UUID hubId;

    @Column(name = "requester_id")
    public UUID requesterId;

    @Column(name = "coordinator_id")
    public UUID coordinatorId;

    @Column(name = "specialist_id")
    public UUID specialistId;

    @Column(name = "patient_key")
    public UUID patientKey;

    @Column(name = "patient_name")
    public String patientName;

    @Column(name = "patient_birth_date")
    public LocalDate patientBirthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "patient_sex")
    public Sex patientSex;

    @Column(name = "patient_national_id")
    public String patientNationalId;

    @Column(name = "patient_insurance_number")
    public String patientInsuranceNumber;

    @Column(name = "clinical_summary")
    public String clinicalSummary;

    public String question;

    @Column(name = "consent_recorded")
    public boolean consentRecorded;

    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "booking_id")
    public UUID bookingId;

    @Column(name = "session_start")
    public Instant sessionStart;

    @Column(name = "session_end")
    public Instant sessionEnd;

    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "accept_due_at")
    public Instant acceptDueAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "consult", name = "consult_study", joinColumns = @JoinColumn(name = "consult_id"))
    @Column(name = "study_uid")
    public Set<String> studyUids = new LinkedHashSet<>();

    /** The people taking part: the requester, the coordinator who assigned and the specialist (when known). */
    public Set<UUID> members() {
        var members = new LinkedHashSet<UUID>();
        members.add(requesterId);
        if (coordinatorId != null) {
            members.add(coordinatorId);
        }
        if (specialistId != null) {
            members.add(specialistId);
        }
        return members;
    }

    /** Overdue: still waiting for acceptance after its response target. */
    public boolean overdue(Instant now) {
        return state.awaitingAcceptance() && acceptDueAt != null && now.isAfter(acceptDueAt);
    }
}
