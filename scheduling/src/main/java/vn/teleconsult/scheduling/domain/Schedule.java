package vn.teleconsult.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VisitMode;

/** The availability of one resource for one kind of service, cut into slots of a fixed length in its time zone. */
@Entity
@Table(schema = "scheduling", name = "schedule")
public class Schedule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    @Column(name = "resource_id", nullable = false)
    public UUID resourceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingKind kind;

    @Column(name = "service_code", nullable = false)
    public String serviceCode;

    public String specialty;

    /** Comma-separated {@link VisitMode} names. */
    @Column(nullable = false)
    public String modes;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "slot_minutes", nullable = false)
    public int slotMinutes;

    @Column(name = "horizon_days", nullable = false)
    public int horizonDays;

    @Column(name = "min_notice_minutes", nullable = false)
    public int minNoticeMinutes;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Bumped whenever the rules change: caches of the expanded rules are keyed by it. */
    @Column(nullable = false)
    public int version;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Set<VisitMode> modeSet() {
        return Arrays.stream(modes.split(","))
                .map(VisitMode::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VisitMode.class)));
    }

    public void modeSet(Set<VisitMode> values) {
        modes = values.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
