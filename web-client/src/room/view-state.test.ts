import { describe, expect, it } from 'vitest';
import { normalizeView, parseView, WINDOW_PRESETS } from './view-state';

describe('viewing state', () => {
    it('should bring numbers into the ranges the review socket accepts', () => {
        const view = normalizeView({
            studyUid: '1.2.3',
            seriesUid: '1.2.3.4',
            imageIndex: 7.4,
            window: { center: -600.123, width: 0 },
            zoom: 1000,
            pan: { x: 1e9, y: -3.14159 },
        });
        expect(view).toMatchObject({
            imageIndex: 7,
            window: { center: -600.12, width: 1 },
            zoom: 100,
            pan: { x: 100000, y: -3.14 },
            annotations: [],
        });
    });

    it('should keep annotations within the limits: at most 50, safe ids, text without control characters', () => {
        const many = Array.from({ length: 60 }, (_, i) => ({
            kind: 'arrow' as const,
            id: i === 0 ? 'not allowed!' : `a${i}`,
            from: { x: 0, y: 0 },
            to: { x: i, y: i },
        }));
        const view = normalizeView({
            studyUid: '1',
            imageIndex: 0,
            annotations: [
                { kind: 'text', at: { x: 1, y: 2 }, text: 'tổn thương\u0007 nghi ngờ' },
                { kind: 'text', at: { x: 1, y: 2 }, text: '   ' },
                { kind: 'line', from: { x: 0, y: 0 }, to: { x: 3, y: 4 }, lengthMm: 12345.678 },
                ...many,
            ],
        });
        const annotations = view.annotations ?? [];
        expect(annotations).toHaveLength(50);
        expect(annotations[0]).toEqual({ kind: 'text', id: undefined, at: { x: 1, y: 2 }, text: 'tổn thương  nghi ngờ' });
        expect(annotations[1]).toMatchObject({ kind: 'line', lengthMm: 10000 });
        expect(annotations[2]?.id).toBeUndefined();
        expect(annotations[3]?.id).toBe('a1');
    });

    it('should read only relayed states that name a study and an image', () => {
        expect(parseView({})).toBeNull();
        expect(parseView({ studyUid: '1', imageIndex: '3' })).toBeNull();
        expect(parseView({ studyUid: '1', imageIndex: 3 })).toMatchObject({ imageIndex: 3 });
    });

    it('should offer the usual CT presets', () => {
        expect(WINDOW_PRESETS).toEqual({
            brain: { center: 40, width: 80 },
            lung: { center: -600, width: 1500 },
            bone: { center: 300, width: 1500 },
            abdomen: { center: 40, width: 400 },
        });
    });
});
