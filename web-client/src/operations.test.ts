import { describe, expect, it } from 'vitest';
import { dayStart, hours, niceMax } from './operations';

describe('operations helpers', () => {
    it('takes a picked day as a day in Vietnam', () => {
        expect(dayStart('2026-11-24')?.toISOString()).toBe('2026-11-23T17:00:00.000Z');
        expect(dayStart('2026-11-24', 1)?.toISOString()).toBe('2026-11-24T17:00:00.000Z');
    });

    it('refuses what is not a date', () => {
        expect(dayStart('')).toBeNull();
        expect(dayStart('24/11/2026')).toBeNull();
        expect(dayStart('2026-13-45')).toBeNull();
    });

    it('rounds chart axes up to 1, 2 or 5 times a power of ten', () => {
        expect(niceMax([])).toBe(1);
        expect(niceMax([0, -3])).toBe(1);
        expect(niceMax([0.3])).toBe(0.5);
        expect(niceMax([7])).toBe(10);
        expect(niceMax([12, 3])).toBe(20);
        expect(niceMax([48])).toBe(50);
        expect(niceMax([100])).toBe(100);
        expect(niceMax([101, Number.NaN])).toBe(200);
    });

    it('shows minutes as hours with one decimal', () => {
        expect(hours(null)).toBeNull();
        expect(hours(90)).toBe(1.5);
        expect(hours(1441)).toBe(24);
    });
});
