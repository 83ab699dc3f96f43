import { describe, expect, it } from 'vitest';
import { minutesBetween, queueOrder, slaMark, splitMinutes, studySummaries } from './consults';
import { userTimeZone } from './views/consult-parts';

const at = (iso: string): number => Date.parse(iso);

describe('coordinator queue', () => {
    it('should put the most urgent first, then the longest waiting, drafts last', () => {
        const items = [
            { id: 'routine-old', urgency: 'ROUTINE', submittedAt: '2026-03-01T01:00:00Z' },
            { id: 'urgent-new', urgency: 'URGENT', submittedAt: '2026-03-01T05:00:00Z' },
            { id: 'draft', urgency: 'EMERGENCY', submittedAt: null },
            { id: 'emergency', urgency: 'EMERGENCY', submittedAt: '2026-03-01T06:00:00Z' },
            { id: 'urgent-old', urgency: 'URGENT', submittedAt: '2026-03-01T02:00:00Z' },
        ] as const;
        expect(queueOrder(items).map((i) => i.id)).toEqual(['emergency', 'draft', 'urgent-old', 'urgent-new', 'routine-old']);
    });
});

describe('response-time marks', () => {
    const waiting = { state: 'SUBMITTED', submittedAt: '2026-03-01T00:00:00Z', acceptDueAt: '2026-03-01T02:00:00Z', overdue: false } as const;

    it('should be on time early, due soon in the last quarter, overdue after the due time', () => {
        expect(slaMark(waiting, at('2026-03-01T00:30:00Z'))).toBe('onTime');
        expect(slaMark(waiting, at('2026-03-01T01:31:00Z'))).toBe('dueSoon');
        expect(slaMark(waiting, at('2026-03-01T02:00:00Z'))).toBe('overdue');
    });

    it('should give a short target at least its last 10 minutes as due soon', () => {
        const emergency = { ...waiting, acceptDueAt: '2026-03-01T00:15:00Z' };
        expect(slaMark(emergency, at('2026-03-01T00:04:00Z'))).toBe('onTime');
        expect(slaMark(emergency, at('2026-03-01T00:06:00Z'))).toBe('dueSoon');
    });

    it('should trust the server when it says overdue, and mark nothing once accepted', () => {
        expect(slaMark({ ...waiting, overdue: true }, at('2026-03-01T00:01:00Z'))).toBe('overdue');
        expect(slaMark({ ...waiting, state: 'ACCEPTED' }, at('2026-03-02T00:00:00Z'))).toBe('none');
        expect(slaMark({ ...waiting, acceptDueAt: null }, at('2026-03-02T00:00:00Z'))).toBe('none');
    });
});

describe('durations and zones', () => {
    it('should split waiting time into days, hours and minutes', () => {
        expect(minutesBetween('2026-03-01T00:00:00Z', at('2026-03-02T03:04:59Z'))).toBe(1624);
        expect(splitMinutes(1624)).toEqual({ days: 1, hours: 3, minutes: 4 });
        expect(minutesBetween('2026-03-01T00:10:00Z', at('2026-03-01T00:00:00Z'))).toBe(0);
    });

    it("should name the user's zone with its current IANA name", () => {
        expect(userTimeZone(() => 'Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
        expect(userTimeZone(() => 'Europe/Paris')).toBe('Europe/Paris');
        expect(userTimeZone(() => undefined)).toBe('Asia/Ho_Chi_Minh');
    });
});

describe('QIDO-RS study summary', () => {
    it('should read description, modalities, date and instance count from DICOM JSON', () => {
        const [summary] = studySummaries([
            {
                '0020000D': { vr: 'UI', Value: ['1.2.3'] },
                '00081030': { vr: 'LO', Value: ['CT SO NAO '] },
                '00080061': { vr: 'CS', Value: ['CT', 'SR'] },
                '00080020': { vr: 'DA', Value: ['20261120'] },
                '00201208': { vr: 'IS', Value: [3] },
                '00100010': { vr: 'PN', Value: [{ Alphabetic: 'NGUYEN^VAN A' }] },
            },
            { '0020000D': { vr: 'UI', Value: ['1.2.4'] }, '00080061': { vr: 'CS', Value: ['MR\\SR'] }, '00201208': { vr: 'IS', Value: ['12'] } },
            { '00081030': { vr: 'LO' } },
        ]);
        expect(summary).toEqual({
            studyUid: '1.2.3',
            description: 'CT SO NAO',
            modalities: ['CT', 'SR'],
            studyDate: '20261120',
            instances: 3,
            patientName: 'NGUYEN VAN A',
            patientId: null,
        });
        expect(studySummaries([summary, 1])).toHaveLength(0);
        const all = studySummaries([{ '0020000D': { vr: 'UI', Value: ['1.2.4'] }, '00080061': { vr: 'CS', Value: ['MR\\SR'] }, '00201208': { vr: 'IS', Value: ['12'] } }]);
        expect(all[0]).toMatchObject({ modalities: ['MR', 'SR'], instances: 12 });
        expect(studySummaries({})).toEqual([]);
    });
});
