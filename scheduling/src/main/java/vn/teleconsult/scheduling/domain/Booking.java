package vn.teleconsult.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.VisitMode;

/** A held or booked consult session or patient visit; its resources' time is in {@code booking_resource}. */
@Entity
@Table(schema = "scheduling", name = "booking")
public class Booking extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VisitMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingStatus status;

    @Column(name = "schedule_id")
    public UUID scheduleId;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "service_code", nullable = false)
    public String serviceCode;

    @Column(name = "start_at", nullable = false)
    public Instant startAt;

    @Column(name = "end_at", nullable = false)
    public Instant endAt;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "consult_id")
    public UUID consultId;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "booked_by", nullable = false)
    public String bookedBy;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** iCalendar SEQUENCE: bumped on each change the invitees must see. */
    @Column(nullable = false)
    public int sequence;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            schema = "scheduling",
            name = "booking_participant",
            joinColumns = @JoinColumn(name = "booking_id"))
    @Column(name = "user_id")
    public Set<UUID> participants = new HashSet<>();

    /** The resources whose time this booking took, when the use case that made or moved it knows them. */
    @Transient
    public List<UUID> resourceIds;

    public boolean takesTime() {
        return status == BookingStatus.HELD || status == BookingStatus.BOOKED;
    }
}
