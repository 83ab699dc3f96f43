package vn.teleconsult.scheduling.service;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.domain.ResourceKind;
import vn.teleconsult.scheduling.domain.Schedule;
import vn.teleconsult.scheduling.domain.SlotCalendar;

/**
 * What a search or a booking needs of one schedule, as of one {@code version}: its settings, the kind of its resource,
 * and its rules expanded ({@link SlotCalendar}). Immutable; kept by {@link ScheduleCache}.
 */
public record CachedSchedule(
        UUID id,
        int version,
        UUID hospitalId,
        UUID resourceId,
        ResourceKind resourceKind,
        BookingKind kind,
        String serviceCode,
        String specialty,
        Set<VisitMode> modes,
        String timeZone,
        ZoneId zone,
        int slotMinutes,
        int horizonDays,
        int minNoticeMinutes,
        boolean active,
        SlotCalendar calendar) {

    static CachedSchedule of(Schedule s, ResourceKind resourceKind, SlotCalendar calendar) {
        return new CachedSchedule(
                s.id,
                s.version,
                s.hospitalId,
                s.resourceId,
                resourceKind,
                s.kind,
                s.serviceCode,
                s.specialty,
                Set.copyOf(s.modeSet()),
                s.timeZone,
                s.zone(),
                s.slotMinutes,
                s.horizonDays,
                s.minNoticeMinutes,
                s.active,
                calendar);
    }

    /** The practitioner whose time this is, or null for a room's or device's schedule. */
    public UUID practitionerId() {
        return resourceKind == ResourceKind.PRACTITIONER ? resourceId : null;
    }
}
