// Video visits over the platform API: joining (the first to join opens the room), the patient's waiting room, and
// the doctor's list of who waits. When a visit can be joined is computed here so that pages and tests agree.
import { ApiError, type ApiClient } from './api';
import type { Booking } from './scheduling';

/** How early before its start a visit can be joined, and how long after its end (as the server allows). */
export const JOIN_EARLY_MS = 15 * 60_000;
export const JOIN_LATE_MS = 30 * 60_000;

export interface VisitJoin {
    readonly bookingId: string;
    readonly roomId: string;
    readonly role: 'HOST' | 'PATIENT';
    readonly grantPath: string;
    readonly lobbyPath: string | null;
    readonly start: string;
    readonly end: string;
    readonly timeZone: string;
}

export interface Waiting {
    readonly userId: string;
    readonly waitingSince: string;
}

/** 'open' when the video visit can be joined now, 'early' before that, 'over' after; null for anything else. */
export function joinWindow(booking: Booking, now = Date.now()): 'early' | 'open' | 'over' | null {
    if (booking.kind !== 'PATIENT_VISIT' || booking.mode !== 'VIDEO' || booking.status !== 'BOOKED') {
        return null;
    }
    if (now < Date.parse(booking.start) - JOIN_EARLY_MS) {
        return 'early';
    }
    return now > Date.parse(booking.end) + JOIN_LATE_MS ? 'over' : 'open';
}

export async function joinVisit(api: ApiClient, bookingId: string): Promise<VisitJoin> {
    const body = (await api.postJson(`/api/visits/${encodeURIComponent(bookingId)}/join`, {})) as VisitJoin | null;
    if (!body || typeof body.grantPath !== 'string') {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body;
}

/** Enters (or stays in) the waiting room; answers whether the doctor has admitted the patient. */
export async function enterWaitingRoom(api: ApiClient, lobbyPath: string): Promise<boolean> {
    const body = (await api.postJson(lobbyPath, {})) as { admitted?: boolean } | null;
    return body?.admitted === true;
}

export function lobbyOf(roomId: string): string {
    return `/api/media/rooms/${encodeURIComponent(roomId)}/lobby`;
}

export async function waiting(api: ApiClient, roomId: string): Promise<Waiting[]> {
    const body = await api.getJson(lobbyOf(roomId));
    if (!Array.isArray(body)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body as Waiting[];
}

export async function admit(api: ApiClient, roomId: string, userId: string): Promise<void> {
    await api.postJson(`${lobbyOf(roomId)}/${encodeURIComponent(userId)}/admit`, {});
}
