import { describe, expect, it } from 'vitest';
import type { Booking } from './scheduling';
import { joinWindow } from './video-visits';

const start = Date.parse('2026-11-24T02:00:00Z');
const booking = (over: Partial<Booking> = {}): Booking => ({
    id: 'b',
    status: 'BOOKED',
    kind: 'PATIENT_VISIT',
    mode: 'VIDEO',
    hospitalId: 'h',
    serviceCode: 'followup-chronic',
    start: new Date(start).toISOString(),
    end: new Date(start + 20 * 60_000).toISOString(),
    timeZone: 'Asia/Ho_Chi_Minh',
    reasonCode: 'I10',
    cancelReason: null,
    ...over,
});

describe('video visit window', () => {
    it('opens 15 minutes before the start and closes 30 minutes after the end', () => {
        expect(joinWindow(booking(), start - 15 * 60_000 - 1)).toBe('early');
        expect(joinWindow(booking(), start - 15 * 60_000)).toBe('open');
        expect(joinWindow(booking(), start + 50 * 60_000)).toBe('open');
        expect(joinWindow(booking(), start + 50 * 60_000 + 1)).toBe('over');
    });

    it('has no window for in-person, cancelled or consult bookings', () => {
        expect(joinWindow(booking({ mode: 'IN_PERSON' }), start)).toBeNull();
        expect(joinWindow(booking({ status: 'CANCELLED' }), start)).toBeNull();
        expect(joinWindow(booking({ kind: 'CONSULT_SESSION' }), start)).toBeNull();
    });
});
