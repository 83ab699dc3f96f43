import { describe, expect, it } from 'vitest';
import { weekdayName, weekdaysOf, weeklyRule, zonedToUtc } from './availability';

describe('weekly rules', () => {
    it('writes the chosen days Monday first and reads them back', () => {
        expect(weeklyRule(['WE', 'MO'])).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
        expect(weekdaysOf('FREQ=WEEKLY;BYDAY=MO,WE')).toEqual(['MO', 'WE']);
        expect(() => weeklyRule([])).toThrow();
    });

    it('leaves other rules as written', () => {
        expect(weekdaysOf('FREQ=DAILY')).toBeNull();
        expect(weekdaysOf('FREQ=WEEKLY;BYDAY=MO;INTERVAL=2')).toBeNull();
        expect(weekdaysOf('FREQ=WEEKLY;BYDAY=XX')).toBeNull();
    });

    it('names weekdays in the locale', () => {
        expect(weekdayName('MO', 'en-GB')).toBe('Mon');
        expect(weekdayName('SU', 'en-GB')).toBe('Sun');
        expect(weekdayName('MO', 'vi-VN')).toMatch(/2/);
    });
});

describe('zonedToUtc', () => {
    it('converts a wall-clock time in Hanoi (UTC+7)', () => {
        expect(zonedToUtc('2026-12-24T08:00', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-12-24T01:00:00.000Z');
        expect(zonedToUtc('2026-01-01T03:30', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2025-12-31T20:30:00.000Z');
    });

    it('follows daylight saving where a zone has it', () => {
        expect(zonedToUtc('2026-07-01T12:00', 'Europe/Paris').toISOString()).toBe('2026-07-01T10:00:00.000Z');
        expect(zonedToUtc('2026-01-15T12:00', 'Europe/Paris').toISOString()).toBe('2026-01-15T11:00:00.000Z');
    });

    it('refuses what is not a date-time', () => {
        expect(() => zonedToUtc('tomorrow', 'Asia/Ho_Chi_Minh')).toThrow();
    });
});
