package vn.teleconsult.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A recurring window of a schedule: the days of an RFC 5545 RRULE, from a local start to a local end time. */
@Entity
@Table(schema = "scheduling", name = "availability_rule")
public class AvailabilityRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "schedule_id", nullable = false)
    public UUID scheduleId;

    @Column(nullable = false)
    public String rrule;

    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    public LocalTime endTime;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;
}
