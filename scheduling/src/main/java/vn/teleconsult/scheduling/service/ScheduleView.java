package vn.teleconsult.scheduling.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.domain.ResourceKind;

/** A schedule with its rules and the kind of resource whose time it offers. */
public record ScheduleView(
        UUID id,
        UUID hospitalId,
        UUID resourceId,
        ResourceKind resourceKind,
        BookingKind kind,
        String serviceCode,
        String specialty,
        Set<VisitMode> modes,
        String timeZone,
        int slotMinutes,
        int horizonDays,
        int minNoticeMinutes,
        boolean active,
        List<RuleView> rules) {}
