// Hub availability over the scheduling API: the hospital's schedules with their weekly rules, the specialists, rooms
// and devices they belong to, new schedules, new rules and exceptions (leave, holidays), and the time arithmetic
// between a wall-clock time in a schedule's zone and UTC.
import { ApiError, type ApiClient } from './api';
import type { VisitMode } from './scheduling';

export type ScheduleKind = 'CONSULT_SESSION' | 'PATIENT_VISIT';
export type ResourceKind = 'PRACTITIONER' | 'ROOM' | 'DEVICE';

export interface Rule {
    readonly id: string;
    readonly rrule: string;
    readonly start: string;
    readonly end: string;
    readonly validFrom: string;
    readonly validUntil: string | null;
}

export interface Schedule {
    readonly id: string;
    readonly resourceId: string;
    readonly kind: ScheduleKind;
    readonly serviceCode: string;
    readonly specialty: string | null;
    readonly modes: readonly VisitMode[];
    readonly timeZone: string;
    readonly slotMinutes: number;
    readonly horizonDays: number;
    readonly minNoticeMinutes: number;
    readonly rules: readonly Rule[];
}

export interface Resource {
    readonly id: string;
    readonly kind: ResourceKind;
    readonly name: string;
}

/** RRULE weekday codes in the order the week is shown (Monday first, as in Vietnam). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekly RRULE for the chosen days, e.g. FREQ=WEEKLY;BYDAY=MO,WE. */
export function weeklyRule(days: readonly Weekday[]): string {
    const ordered = WEEKDAYS.filter((d) => days.includes(d));
    if (ordered.length === 0) {
        throw new Error('at least one weekday');
    }
    return `FREQ=WEEKLY;BYDAY=${ordered.join(',')}`;
}

/** The weekdays of a weekly RRULE, or null when the rule is something else (shown as written). */
export function weekdaysOf(rrule: string): Weekday[] | null {
    const parts = new Map(
        rrule
            .toUpperCase()
            .split(';')
            .map((p) => p.split('=') as [string, string]),
    );
    if (parts.get('FREQ') !== 'WEEKLY' || !parts.has('BYDAY') || parts.size !== 2) {
        return null;
    }
    const days = (parts.get('BYDAY') ?? '').split(',');
    return days.every((d) => (WEEKDAYS as readonly string[]).includes(d)) ? (days as Weekday[]) : null;
}

/** The day name of an RRULE weekday in a locale (2024-01-01 was a Monday). */
export function weekdayName(day: Weekday, locale: string): string {
    const index = WEEKDAYS.indexOf(day);
    return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));
}

/**
 * The UTC instant of a wall-clock time ("2026-12-24T08:00") in a time zone, whatever the zone's offset on that
 * day; at a daylight-saving gap the later offset wins.
 */
export function zonedToUtc(local: string, timeZone: string): Date {
    const asUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
    if (Number.isNaN(asUtc)) {
        throw new Error(`not a local date-time: ${local}`);
    }
    let guess = asUtc - offsetMs(asUtc, timeZone);
    guess = asUtc - offsetMs(guess, timeZone);
    return new Date(guess);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
    }).formatToParts(instant);
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return wall - Math.floor(instant / 1000) * 1000;
}

export async function schedules(api: ApiClient): Promise<Schedule[]> {
    const body = await api.getJson('/api/scheduling/schedules');
    if (!Array.isArray(body)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body as Schedule[];
}

export async function resources(api: ApiClient): Promise<Resource[]> {
    const body = await api.getJson('/api/scheduling/bookable');
    if (!Array.isArray(body)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body as Resource[];
}

export async function createSchedule(
    api: ApiClient,
    input: {
        resource: Resource;
        kind: ScheduleKind;
        serviceCode: string;
        specialty: string | null;
        modes: VisitMode[];
        slotMinutes: number;
        rule: { rrule: string; start: string; end: string; validFrom: string };
    },
): Promise<Schedule> {
    return (await api.postJson('/api/scheduling/schedules', {
        practitionerId: input.resource.kind === 'PRACTITIONER' ? input.resource.id : null,
        resourceId: input.resource.kind === 'PRACTITIONER' ? null : input.resource.id,
        kind: input.kind,
        serviceCode: input.serviceCode,
        specialty: input.specialty,
        modes: input.modes,
        slotMinutes: input.slotMinutes,
        rules: [input.rule],
    })) as Schedule;
}

export async function addRule(
    api: ApiClient,
    scheduleId: string,
    rule: { rrule: string; start: string; end: string; validFrom: string; validUntil: string | null },
): Promise<Schedule> {
    return (await api.postJson(`/api/scheduling/schedules/${encodeURIComponent(scheduleId)}/rules`, rule)) as Schedule;
}

export async function addException(
    api: ApiClient,
    resourceId: string,
    exception: { start: Date; end: Date; reason: string },
): Promise<void> {
    await api.postJson(`/api/scheduling/resources/${encodeURIComponent(resourceId)}/exceptions`, {
        start: exception.start.toISOString(),
        end: exception.end.toISOString(),
        reason: exception.reason,
    });
}
