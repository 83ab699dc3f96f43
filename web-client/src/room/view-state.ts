// The shared viewing state of a review session, as the review WebSocket carries it (docs/architecture.md, "Review
// WebSocket protocol"): image index, window, zoom/pan and annotations in image pixel coordinates.

export interface Point {
    readonly x: number;
    readonly y: number;
}

export type Annotation =
    | { readonly kind: 'arrow'; readonly id?: string; readonly from: Point; readonly to: Point }
    | { readonly kind: 'line'; readonly id?: string; readonly from: Point; readonly to: Point; readonly lengthMm: number }
    | { readonly kind: 'text'; readonly id?: string; readonly at: Point; readonly text: string };

export interface ViewState {
    readonly studyUid: string;
    readonly seriesUid?: string;
    readonly imageIndex: number;
    readonly window?: { readonly center: number; readonly width: number };
    readonly zoom?: number;
    readonly pan?: Point;
    readonly annotations?: readonly Annotation[];
}

/** Window/level presets (center/width in Hounsfield units). */
export const WINDOW_PRESETS = {
    brain: { center: 40, width: 80 },
    lung: { center: -600, width: 1500 },
    bone: { center: 300, width: 1500 },
    abdomen: { center: 40, width: 400 },
} as const;

export type WindowPreset = keyof typeof WINDOW_PRESETS;

const ANNOTATION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_ANNOTATIONS = 50;

function clamp(value: number, low: number, high: number): number {
    return Math.min(high, Math.max(low, value));
}

function round(value: number, digits = 2): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}

function point(p: Point): Point {
    return { x: round(clamp(p.x, -100000, 100000)), y: round(clamp(p.y, -100000, 100000)) };
}

/** Brings a state into the ranges the server accepts (it refuses the whole message otherwise). */
export function normalizeView(view: ViewState): ViewState {
    const annotations = (view.annotations ?? [])
        .filter((a) => a.kind !== 'text' || a.text.trim().length > 0)
        .slice(0, MAX_ANNOTATIONS)
        .map((a): Annotation => {
            const id = a.id && ANNOTATION_ID.test(a.id) ? a.id : undefined;
            switch (a.kind) {
                case 'arrow':
                    return { kind: 'arrow', id, from: point(a.from), to: point(a.to) };
                case 'line':
                    return { kind: 'line', id, from: point(a.from), to: point(a.to), lengthMm: round(clamp(a.lengthMm, 0, 10000)) };
                case 'text':
                    // eslint-disable-next-line no-control-regex
                    return { kind: 'text', id, at: point(a.at), text: a.text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200) };
            }
        });
    return {
        studyUid: view.studyUid,
        seriesUid: view.seriesUid,
        imageIndex: clamp(Math.round(view.imageIndex), 0, 100000),
        window: view.window
            ? { center: round(clamp(view.window.center, -100000, 100000)), width: round(clamp(view.window.width, 1, 200000)) }
            : undefined,
        zoom: view.zoom === undefined ? undefined : round(clamp(view.zoom, 0.01, 100), 4),
        pan: view.pan ? point(view.pan) : undefined,
        annotations,
    };
}

/** Reads a viewing state relayed by the server; answers null when it has no usable study and image index. */
export function parseView(value: unknown): ViewState | null {
    if (typeof value !== 'object' || value === null) {
        return null;
    }
    const v = value as Record<string, unknown>;
    if (typeof v.studyUid !== 'string' || typeof v.imageIndex !== 'number') {
        return null;
    }
    return v as unknown as ViewState;
}
