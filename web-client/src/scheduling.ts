// Patient visits: the public catalogue of visit services, free slots, booking, "my appointments" and cancelling,
// over the scheduling API. Answers are checked for the fields the pages use; anything else is an unexpected response.
import { ApiError, type ApiClient } from './api';

export type VisitMode = 'VIDEO' | 'IN_PERSON';
export type BookingStatus = 'HELD' | 'BOOKED' | 'CANCELLED' | 'NO_SHOW' | 'EXPIRED';

export interface VisitService {
    readonly hospitalId: string;
    readonly hospitalCode: string;
    readonly hospitalName: string;
    readonly serviceCode: string;
    readonly specialty: string | null;
    readonly modes: readonly VisitMode[];
    readonly timeZone: string;
}

export interface Catalog {
    readonly services: readonly VisitService[];
    /** ICD-10 codes or prefixes for which a VIDEO visit may be booked (Circular 30/2023/TT-BYT). */
    readonly videoIcd10: readonly string[];
}

export interface Slot {
    readonly scheduleId: string;
    readonly hospitalId: string;
    readonly serviceCode: string;
    readonly modes: readonly VisitMode[];
    readonly start: string;
    readonly end: string;
    readonly timeZone: string;
}

export interface Booking {
    readonly id: string;
    readonly status: BookingStatus;
    readonly kind: 'CONSULT_SESSION' | 'PATIENT_VISIT';
    readonly mode: VisitMode;
    readonly hospitalId: string;
    readonly serviceCode: string;
    readonly start: string;
    readonly end: string;
    readonly timeZone: string;
    readonly reasonCode: string | null;
    readonly cancelReason: string | null;
}

/** Whether a VIDEO visit is allowed for the condition: its ICD-10 code starts with one of the allowed codes. */
export function videoAllowed(icd10: string | null, allowed: readonly string[]): boolean {
    if (!icd10) {
        return false;
    }
    const code = icd10.toUpperCase().replace('.', '');
    return allowed.some((prefix) => code.startsWith(prefix.toUpperCase().replace('.', '')));
}

/** Slots grouped by their local day (YYYY-MM-DD in the slot's time zone), days and slots in time order. */
export function slotsByDay(slots: readonly Slot[]): Map<string, Slot[]> {
    const days = new Map<string, Slot[]>();
    const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    for (const slot of sorted) {
        const day = localDay(slot.start, slot.timeZone);
        const list = days.get(day) ?? [];
        list.push(slot);
        days.set(day, list);
    }
    return days;
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function localDay(isoUtc: string, timeZone: string): string {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date(isoUtc));
    const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
}

export async function catalog(api: ApiClient): Promise<Catalog> {
    const body = await api.publicJson('/api/scheduling/public/services');
    const value = body as Partial<Catalog> | null;
    if (!value || !Array.isArray(value.services) || !Array.isArray(value.videoIcd10)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return { services: value.services.filter(isService), videoIcd10: value.videoIcd10 };
}

export async function freeSlots(
    api: ApiClient,
    query: { hospitalId: string; serviceCode: string; mode: VisitMode; from: Date; to: Date },
): Promise<Slot[]> {
    const body = await api.publicJson('/api/scheduling/public/slots', {
        hospital: query.hospitalId,
        service: query.serviceCode,
        mode: query.mode,
        from: query.from.toISOString(),
        to: query.to.toISOString(),
        limit: '200',
    });
    return list(body, isSlot);
}

export async function bookVisit(
    api: ApiClient,
    input: { scheduleId: string; start: string; mode: VisitMode; reasonCode: string | null },
    idempotencyKey: string,
): Promise<Booking> {
    const body = await api.postJson(
        '/api/scheduling/bookings',
        { scheduleId: input.scheduleId, start: input.start, mode: input.mode, reasonCode: input.reasonCode },
        { 'Idempotency-Key': idempotencyKey },
    );
    if (!isBooking(body)) {
        throw new ApiError('unexpectedResponse', 201);
    }
    return body;
}

export async function myBookings(api: ApiClient): Promise<Booking[]> {
    return list(await api.getJson('/api/scheduling/bookings/mine'), isBooking);
}

export async function cancelBooking(api: ApiClient, id: string, reason: string): Promise<Booking> {
    const body = await api.postJson(`/api/scheduling/bookings/${encodeURIComponent(id)}/cancel`, { reason });
    if (!isBooking(body)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body;
}

function list<T>(body: unknown, check: (value: unknown) => value is T): T[] {
    if (!Array.isArray(body)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body.filter(check);
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}

function isService(value: unknown): value is VisitService {
    return (
        isObject(value) &&
        typeof value.hospitalId === 'string' &&
        typeof value.hospitalName === 'string' &&
        typeof value.serviceCode === 'string' &&
        Array.isArray(value.modes) &&
        typeof value.timeZone === 'string'
    );
}

function isSlot(value: unknown): value is Slot {
    return (
        isObject(value) &&
        typeof value.scheduleId === 'string' &&
        typeof value.start === 'string' &&
        typeof value.end === 'string' &&
        typeof value.timeZone === 'string'
    );
}

function isBooking(value: unknown): value is Booking {
    return (
        isObject(value) &&
        typeof value.id === 'string' &&
        typeof value.status === 'string' &&
        typeof value.start === 'string' &&
        typeof value.timeZone === 'string'
    );
}
