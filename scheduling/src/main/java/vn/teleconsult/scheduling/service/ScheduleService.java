package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.scheduling.domain.AvailabilityRule;
import vn.teleconsult.scheduling.domain.BookableResource;
import vn.teleconsult.scheduling.domain.Interval;
import vn.teleconsult.scheduling.domain.RecurrenceRules;
import vn.teleconsult.scheduling.domain.ResourceKind;
import vn.teleconsult.scheduling.domain.Schedule;
import vn.teleconsult.scheduling.repository.ResourceRepository;
import vn.teleconsult.scheduling.repository.ScheduleRepository;

/** Coordinators and specialists manage their hospital's resources, schedules, rules and exceptions. */
@ApplicationScoped
public class ScheduleService {

    /** Rules are checked for overlaps over this long a stretch from their start. */
    private static final Duration OVERLAP_CHECK = Duration.ofDays(400);

    private final ScheduleRepository schedules;
    private final ResourceRepository resources;
    private final ScheduleCache cache;
    private final Directory directory;
    private final SchedulingPolicy policy;
    private final SchedulingSettings settings;

    public ScheduleService(
            ScheduleRepository schedules,
            ResourceRepository resources,
            ScheduleCache cache,
            Directory directory,
            SchedulingPolicy policy,
            SchedulingSettings settings) {
        this.schedules = schedules;
        this.resources = resources;
        this.cache = cache;
        this.directory = directory;
        this.policy = policy;
        this.settings = settings;
    }

    @Transactional
    public ResourceView createResource(Actor actor, ResourceInput input) {
        UUID hospital = policy.roomsAndDevicesHospital(actor);
        if (input.kind() == ResourceKind.PRACTITIONER) {
            throw ProblemException.badRequest("kind: practitioners are resources already; add a ROOM or DEVICE.");
        }
        var resource = new BookableResource();
        resource.id = UUID.randomUUID();
        resource.hospitalId = hospital;
        resource.kind = input.kind();
        resource.name = input.name().strip();
        resource.createdAt = Instant.now();
        resources.persist(resource);
        return view(resource);
    }

    @Transactional
    public ScheduleView create(Actor actor, ScheduleInput input) {
        UUID hospital = policy.managedHospital(actor);
        ZoneId zone = zone(input.timeZone());
        if (input.slotMinutes() <= 0) {
            throw ProblemException.badRequest(
                    "slotMinutes: a slot must last at least 5 minutes, was " + input.slotMinutes() + ".");
        }
        if (input.slotMinutes() < 5 || input.slotMinutes() > 480) {
            throw ProblemException.badRequest("slotMinutes: must be between 5 and 480.");
        }
        int horizon = input.horizonDays() == null ? 90 : input.horizonDays();
        if (horizon < 1 || horizon > 730) {
            throw ProblemException.badRequest("horizonDays: must be between 1 and 730.");
        }
        int notice = input.minNoticeMinutes() == null ? 60 : input.minNoticeMinutes();
        if (notice < 0 || notice > 43200) {
            throw ProblemException.badRequest("minNoticeMinutes: must be between 0 and 43200 (30 days).");
        }
        BookableResource resource = resourceFor(actor, hospital, input);
        var schedule = new Schedule();
        schedule.id = UUID.randomUUID();
        schedule.hospitalId = hospital;
        schedule.resourceId = resource.id;
        schedule.kind = input.kind();
        schedule.serviceCode = input.serviceCode().strip();
        schedule.specialty =
                input.specialty() == null ? null : input.specialty().strip();
        schedule.modeSet(input.modes());
        schedule.timeZone = zone.getId();
        schedule.slotMinutes = input.slotMinutes();
        schedule.horizonDays = horizon;
        schedule.minNoticeMinutes = notice;
        schedule.active = true;
        schedule.createdBy = actor.id();
        schedule.createdAt = Instant.now();
        schedules.persist(schedule);
        schedules.flush();
        if (input.rules() != null) {
            for (RuleInput rule : input.rules()) {
                addRule(schedule, rule);
            }
        }
        return view(schedule);
    }

    @Transactional
    public ScheduleView addRule(Actor actor, UUID scheduleId, RuleInput input) {
        Schedule schedule = managed(actor, scheduleId);
        addRule(schedule, input);
        schedules.bumpVersion(schedule.id);
        cache.evict(schedule.id);
        return view(schedule);
    }

    @Transactional
    public void addException(Actor actor, UUID resourceId, ExceptionInput input) {
        UUID hospital = policy.managedHospital(actor);
        BookableResource resource = resources
                .findByIdOptional(resourceId)
                .filter(r -> r.hospitalId.equals(hospital))
                .orElseThrow(() -> ProblemException.notFound("No resource " + resourceId + " at your hospital."));
        policy.checkRecordsExceptionOf(actor, resource);
        if (!input.end().isAfter(input.start())) {
            throw ProblemException.badRequest("end: must be after start (" + input.start() + ").");
        }
        resources.addException(
                UUID.randomUUID(), resource.id, new Interval(input.start(), input.end()), input.reason(), actor.id());
    }

    @Transactional
    public ScheduleView get(Actor actor, UUID id) {
        return schedules
                .findByIdOptional(id)
                .filter(s -> policy.readsSchedulesOf(actor, s.hospitalId))
                .map(this::view)
                .orElseThrow(() -> ProblemException.notFound("No schedule " + id + "."));
    }

    /** The hospital's schedules (the caller's own when none is named), if the caller may read them. */
    @Transactional
    public List<ScheduleView> ofHospital(Actor actor, UUID hospitalId) {
        if (hospitalId == null) {
            hospitalId = actor.hospitalId();
        }
        if (hospitalId == null) {
            throw ProblemException.badRequest("hospital: give the hospital whose schedules to list.");
        }
        if (!policy.readsSchedulesOf(actor, hospitalId)) {
            throw ProblemException.notFound("No hospital " + hospitalId + " whose schedules you may see.");
        }
        return views(schedules.search(new ScheduleRepository.Filter(null, hospitalId, null, null, null, null), 500));
    }

    /** Active schedules by resource (practitioner, room or device), service or id (each optional). */
    @Transactional
    public List<ScheduleView> search(Actor actor, UUID resourceId, String serviceCode, UUID id, int limit) {
        return views(
                schedules
                        .search(new ScheduleRepository.Filter(null, null, resourceId, id, serviceCode, null), limit)
                        .stream()
                        .filter(s -> policy.readsSchedulesOf(actor, s.hospitalId))
                        .toList());
    }

    ZoneId zone(String name) {
        String id = name == null || name.isBlank() ? settings.defaultTimeZone() : name.strip();
        try {
            if (!ZoneId.getAvailableZoneIds().contains(id)) {
                throw new DateTimeException(id);
            }
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(
                    "timeZone: '" + id + "' is not a known IANA time zone such as Asia/Ho_Chi_Minh.");
        }
    }

    private void addRule(Schedule schedule, RuleInput input) {
        if (RecurrenceRules.parse(input.rrule()).isEmpty()) {
            throw ProblemException.badRequest("rrule: '" + shorten(input.rrule())
                    + "' is not an RFC 5545 recurrence rule over days, such as FREQ=WEEKLY;BYDAY=MO,WE.");
        }
        if (!input.end().isAfter(input.start())) {
            throw ProblemException.badRequest(
                    "end: the window must end after it starts (" + input.start() + "–" + input.end() + ").");
        }
        if (input.validUntil() != null && input.validUntil().isBefore(input.validFrom())) {
            throw ProblemException.badRequest("validUntil: must not be before validFrom.");
        }
        if (Duration.between(input.start(), input.end()).toMinutes() < schedule.slotMinutes) {
            throw ProblemException.badRequest(
                    "end: the window is shorter than one slot (" + schedule.slotMinutes + " minutes).");
        }
        var candidate = new RecurrenceRules.Rule(
                input.rrule(), input.start(), input.end(), input.validFrom(), input.validUntil());
        Instant from = input.validFrom().atStartOfDay(schedule.zone()).toInstant();
        Instant to = from.plus(OVERLAP_CHECK);
        for (Schedule other : schedules.ofResource(schedule.resourceId)) {
            for (AvailabilityRule existing : schedules.rules(other.id)) {
                RecurrenceRules.firstOverlap(candidate, schedule.zone(), rule(existing), other.zone(), from, to)
                        .ifPresent(overlap -> {
                            throw new ProblemException(
                                    409,
                                    "Overlapping availability",
                                    "This rule overlaps rule " + existing.id + " of schedule " + other.id
                                            + " for the same resource, first at "
                                            + Views.local(overlap.start(), schedule.timeZone) + " ("
                                            + schedule.timeZone + ").",
                                    Map.of("ruleId", existing.id, "scheduleId", other.id));
                        });
            }
        }
        var rule = new AvailabilityRule();
        rule.id = UUID.randomUUID();
        rule.scheduleId = schedule.id;
        rule.rrule = input.rrule().strip();
        rule.startTime = input.start();
        rule.endTime = input.end();
        rule.validFrom = input.validFrom();
        rule.validUntil = input.validUntil();
        rule.persist();
        rule.flush();
    }

    static RecurrenceRules.Rule rule(AvailabilityRule r) {
        return new RecurrenceRules.Rule(r.rrule, r.startTime, r.endTime, r.validFrom, r.validUntil);
    }

    private BookableResource resourceFor(Actor actor, UUID hospital, ScheduleInput input) {
        if ((input.practitionerId() == null) == (input.resourceId() == null)) {
            throw ProblemException.badRequest("Give either practitionerId or resourceId (a room or device), not both.");
        }
        if (input.resourceId() != null) {
            return resources
                    .findByIdOptional(input.resourceId())
                    .filter(r -> r.hospitalId.equals(hospital) && r.kind != ResourceKind.PRACTITIONER)
                    .orElseThrow(() -> ProblemException.badRequest(
                            "resourceId: no room or device " + input.resourceId() + " at your hospital."));
        }
        policy.checkManagesPractitioner(actor, input.practitionerId());
        var person = directory
                .person(input.practitionerId())
                .filter(p -> policy.isActiveStaffOf(p, hospital))
                .orElseThrow(() -> ProblemException.badRequest(
                        "practitionerId: no active staff member " + input.practitionerId() + " at your hospital."));
        return resources.findByIdOptional(person.id()).orElseGet(() -> {
            var resource = new BookableResource();
            resource.id = person.id();
            resource.hospitalId = hospital;
            resource.kind = ResourceKind.PRACTITIONER;
            resource.name = person.username();
            resource.createdAt = Instant.now();
            resources.persist(resource);
            return resource;
        });
    }

    private Schedule managed(Actor actor, UUID scheduleId) {
        UUID hospital = policy.managedHospital(actor);
        Schedule schedule = schedules
                .findByIdOptional(scheduleId)
                .filter(s -> s.hospitalId.equals(hospital))
                .orElseThrow(() -> ProblemException.notFound("No schedule " + scheduleId + " at your hospital."));
        policy.checkManagesPractitioner(actor, schedule.resourceId);
        return schedule;
    }

    ScheduleView view(Schedule s) {
        return views(List.of(s)).get(0);
    }

    /** Views of the schedules, with their rules and resource kinds read in two queries for all of them. */
    private List<ScheduleView> views(List<Schedule> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        var rules = schedules.rules(found.stream().map(s -> s.id).toList());
        var kinds = new HashMap<UUID, ResourceKind>();
        resources
                .list(
                        "id in ?1",
                        found.stream().map(s -> s.resourceId).distinct().toList())
                .forEach(r -> kinds.put(r.id, r.kind));
        return found.stream()
                .map(s -> new ScheduleView(
                        s.id,
                        s.hospitalId,
                        s.resourceId,
                        kinds.get(s.resourceId),
                        s.kind,
                        s.serviceCode,
                        s.specialty,
                        s.modeSet(),
                        s.timeZone,
                        s.slotMinutes,
                        s.horizonDays,
                        s.minNoticeMinutes,
                        s.active,
                        rules.getOrDefault(s.id, List.of()).stream()
                                .sorted(Comparator.comparing((AvailabilityRule r) -> r.validFrom)
                                        .thenComparing(r -> r.startTime))
                                .map(r -> new RuleView(
                                        r.id, r.rrule, r.startTime, r.endTime, r.validFrom, r.validUntil, s.timeZone))
                                .toList()))
                .toList();
    }

    private static ResourceView view(BookableResource r) {
        return new ResourceView(r.id, r.hospitalId, r.kind, r.name);
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
