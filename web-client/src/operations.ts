// Network operations for administrators: DICOM nodes with their C-ECHO test, media servers with their health, and
// consult turnaround per hospital. Pure helpers (chart scaling, date ranges) are exported for unit tests.
import { ApiError, type ApiClient } from './api';

export type NodeKind = 'CALLING' | 'REMOTE';

export interface DicomNode {
    readonly id: string;
    readonly hospitalId: string;
    readonly aeTitle: string;
    readonly host: string | null;
    readonly port: number | null;
    readonly kind: NodeKind;
}

export interface NodeInput {
    readonly hospitalId?: string;
    readonly aeTitle: string;
    readonly host: string | null;
    readonly port: number | null;
    readonly kind: NodeKind;
}

export interface EchoResult {
    readonly reachable: boolean;
    readonly millis: number;
    readonly message: string;
}

export interface MediaServer {
    readonly name: string;
    readonly browserUrl: string;
    readonly connected: boolean;
    readonly answering: boolean;
    readonly version: string | null;
    readonly replyMillis: number | null;
    readonly problem: string | null;
    readonly openRooms: number;
    readonly participants: number;
}

export interface TurnaroundRow {
    readonly hospitalId: string;
    readonly side: 'HUB' | 'SATELLITE';
    readonly requests: number;
    readonly medianMinutesToAccept: number | null;
    readonly medianMinutesToReport: number | null;
    readonly overdue: number;
}

function list<T>(body: unknown): T[] {
    if (!Array.isArray(body)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body as T[];
}

export async function dicomNodes(api: ApiClient, hospitalId?: string): Promise<DicomNode[]> {
    return list<DicomNode>(await api.getJson('/api/admin/dicom-nodes', { hospital: hospitalId || undefined }));
}

export async function saveNode(api: ApiClient, input: NodeInput, id?: string): Promise<DicomNode> {
    return (
        id
            ? await api.sendJson('PUT', `/api/admin/dicom-nodes/${encodeURIComponent(id)}`, input)
            : await api.postJson('/api/admin/dicom-nodes', input)
    ) as DicomNode;
}

export async function deleteNode(api: ApiClient, id: string): Promise<void> {
    await api.sendJson('DELETE', `/api/admin/dicom-nodes/${encodeURIComponent(id)}`);
}

export async function echoNode(api: ApiClient, id: string): Promise<EchoResult> {
    return (await api.postJson(`/api/admin/dicom-nodes/${encodeURIComponent(id)}/echo`, {})) as EchoResult;
}

export async function mediaServers(api: ApiClient): Promise<MediaServer[]> {
    return list<MediaServer>(await api.getJson('/api/admin/media-servers'));
}

export async function turnaround(api: ApiClient, from: Date, to: Date): Promise<TurnaroundRow[]> {
    return list<TurnaroundRow>(
        await api.getJson('/api/admin/consults/turnaround', { from: from.toISOString(), to: to.toISOString() }),
    );
}

/** The start of a calendar day picked in a date input, as a day in the given fixed offset (Vietnam: +07:00). */
export function dayStart(value: string, addDays = 0, offset = '+07:00'): Date | null {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return null;
    }
    const start = new Date(`${value}T00:00:00${offset}`);
    return Number.isNaN(start.getTime()) ? null : new Date(start.getTime() + addDays * 86_400_000);
}

/** A round upper bound for a chart axis (1, 2 or 5 times a power of ten) at or above the largest value. */
export function niceMax(values: readonly number[]): number {
    const largest = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
    if (largest <= 0) {
        return 1;
    }
    const power = 10 ** Math.floor(Math.log10(largest));
    for (const step of [1, 2, 5, 10]) {
        if (step * power >= largest) {
            return step * power;
        }
    }
    return 10 * power;
}

/** Minutes as hours with one decimal, or null when there is no value. */
export function hours(minutes: number | null): number | null {
    return minutes === null || !Number.isFinite(minutes) ? null : Math.round(minutes / 6) / 10;
}
