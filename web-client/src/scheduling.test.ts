import { describe, expect, it } from 'vitest';
import { localDay, slotsByDay, videoAllowed, type Slot } from './scheduling';

const slot = (start: string, timeZone = 'Asia/Ho_Chi_Minh'): Slot => ({
    scheduleId: 's',
    hospitalId: 'h',
    serviceCode: 'followup-chronic',
    modes: ['VIDEO'],
    start,
    end: start,
    timeZone,
});

describe('videoAllowed', () => {
    const allowed = ['I10', 'E11', 'J45.0'];

    it('allows codes starting with an allowed code or prefix, with or without the dot', () => {
        expect(videoAllowed('E11.9', allowed)).toBe(true);
        expect(videoAllowed('e119', allowed)).toBe(true);
        expect(videoAllowed('I10', allowed)).toBe(true);
        expect(videoAllowed('J45.01', allowed)).toBe(true);
    });

    it('refuses other codes and a missing code', () => {
        expect(videoAllowed('S72.0', allowed)).toBe(false);
        expect(videoAllowed('J45.1', allowed)).toBe(false);
        expect(videoAllowed(null, allowed)).toBe(false);
        expect(videoAllowed('', allowed)).toBe(false);
        expect(videoAllowed('E11', [])).toBe(false);
    });
});

describe('slotsByDay', () => {
    it('groups by the local day of the time zone, not of UTC, in time order', () => {
        // 17:30 UTC on the 1st is 00:30 on the 2nd in Hanoi; 16:30 UTC is 23:30 on the 1st.
        const days = slotsByDay([slot('2026-12-01T17:30:00Z'), slot('2026-12-01T02:00:00Z'), slot('2026-12-01T16:30:00Z')]);
        expect([...days.keys()]).toEqual(['2026-12-01', '2026-12-02']);
        expect(days.get('2026-12-01')?.map((s) => s.start)).toEqual(['2026-12-01T02:00:00Z', '2026-12-01T16:30:00Z']);
    });

    it('answers no days for no slots', () => {
        expect(slotsByDay([]).size).toBe(0);
    });
});

describe('localDay', () => {
    it('uses the given zone', () => {
        expect(localDay('2026-12-31T18:00:00Z', 'Asia/Ho_Chi_Minh')).toBe('2027-01-01');
        expect(localDay('2026-12-31T18:00:00Z', 'UTC')).toBe('2026-12-31');
    });
});
