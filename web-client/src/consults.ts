// The consult workflow over the API: requests, worklists, the case thread and documents, sessions, reports, linked
// hubs, hub specialists and their free slots, and the hospital PACS; plus the pure rules the pages show (queue
// order, SLA marks). Answers are checked for the fields the pages use; anything else is an unexpected response.
import { ApiError, type ApiClient } from './api';
import type { Slot } from './scheduling';

export const URGENCIES = ['EMERGENCY', 'URGENT', 'ROUTINE'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const CONSULT_STATES = [
    'DRAFT',
    'SUBMITTED',
    'ASSIGNED',
    'ACCEPTED',
    'DECLINED',
    'SCHEDULED',
    'IN_SESSION',
    'REPORTED',
    'CLOSED',
    'CANCELLED',
] as const;
export type ConsultState = (typeof CONSULT_STATES)[number];
export const SEXES = ['MALE', 'FEMALE', 'OTHER', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

export interface PatientInput {
    readonly name: string;
    readonly birthDate: string;
    readonly sex: Sex;
    readonly nationalId: string | null;
    readonly insuranceNumber: string | null;
}

export interface ConsultInput {
    readonly patient: PatientInput;
    readonly clinicalSummary: string;
    readonly question: string;
    readonly urgency: Urgency;
    readonly specialty: string;
    readonly hubId: string;
    readonly studyUids: readonly string[];
    readonly consentRecorded: boolean;
}

export interface Transition {
    readonly from: ConsultState | null;
    readonly to: ConsultState;
    readonly actorRole: string | null;
    readonly reason: string | null;
    readonly at: string;
}

export interface Consult {
    readonly id: string;
    readonly version: number;
    readonly state: ConsultState;
    readonly urgency: Urgency;
    readonly specialty: string;
    readonly requestingHospitalId: string;
    readonly hubId: string;
    readonly requesterId: string;
    readonly coordinatorId: string | null;
    readonly specialistId: string | null;
    readonly patient: PatientInput & { readonly key: string };
    readonly clinicalSummary: string;
    readonly question: string;
    readonly consentRecorded: boolean;
    readonly studyUids: readonly string[];
    readonly declineReason: string | null;
    readonly cancelReason: string | null;
    readonly bookingId: string | null;
    readonly sessionStart: string | null;
    readonly sessionEnd: string | null;
    readonly roomId: string | null;
    readonly createdAt: string;
    readonly submittedAt: string | null;
    readonly acceptDueAt: string | null;
    readonly acceptedAt: string | null;
    readonly reportedAt: string | null;
    readonly closedAt: string | null;
    readonly overdue: boolean;
    readonly allowedNext: readonly ConsultState[];
    readonly history: readonly Transition[];
}

export interface ConsultSummary {
    readonly id: string;
    readonly version: number;
    readonly state: ConsultState;
    readonly urgency: Urgency;
    readonly specialty: string;
    readonly specialistId: string | null;
    readonly patientName: string;
    readonly question: string;
    readonly submittedAt: string | null;
    readonly acceptDueAt: string | null;
    readonly overdue: boolean;
    readonly sessionStart: string | null;
}

export interface Worklist {
    readonly scope: string;
    readonly items: readonly ConsultSummary[];
    readonly total: number;
    readonly counts: Readonly<Partial<Record<ConsultState, number>>>;
}

export interface DocumentInfo {
    readonly id: string;
    readonly fileName: string;
    readonly mediaType: string;
    readonly sizeBytes: number;
    readonly uploadedAt: string;
}

export interface Message {
    readonly id: string;
    readonly authorId: string;
    readonly body: string;
    readonly createdAt: string;
    readonly attachments: readonly DocumentInfo[];
}

export interface Addendum {
    readonly id: string;
    readonly body: string;
    readonly createdAt: string;
}

export interface Report {
    readonly consultId: string;
    readonly version: number;
    readonly findings: string | null;
    readonly assessment: string | null;
    readonly conclusions: string | null;
    readonly recommendations: string | null;
    readonly freeText: string | null;
    readonly signedAt: string | null;
    readonly addenda: readonly Addendum[];
}

export const REPORT_SECTIONS = ['findings', 'assessment', 'conclusions', 'recommendations', 'freeText'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export type ReportInput = Readonly<Record<ReportSection, string>> & { readonly version: number | null };

export interface Hub {
    readonly id: string;
    readonly code: string;
    readonly name: string;
    readonly timeZone: string;
    readonly specialties: readonly string[];
}

export interface Specialist {
    readonly id: string;
    readonly name: string;
}

/** A free consult-session slot, as scheduling answers it. */
export type SessionSlot = Slot;

export interface Pacs {
    readonly id: string;
    readonly aeTitle: string;
}

export interface RemoteStudy {
    readonly studyUid: string;
    readonly patientId: string | null;
    readonly patientName: string | null;
    readonly studyDate: string | null;
    readonly modalities: string | null;
    readonly description: string | null;
    readonly instances: number | null;
}

export interface Retrieval {
    readonly id: string;
    readonly studyUid: string;
    readonly state: string;
    readonly expected: number | null;
    readonly received: number;
    readonly failed: number;
    readonly message: string | null;
}

// ---- pure rules ----

const URGENCY_RANK: Readonly<Record<Urgency, number>> = { EMERGENCY: 0, URGENT: 1, ROUTINE: 2 };

/** The coordinator's queue order: most urgent first, then the longest waiting. */
export function queueOrder<T extends Pick<ConsultSummary, 'urgency' | 'submittedAt'>>(items: readonly T[]): T[] {
    const time = (t: T): number => (t.submittedAt ? Date.parse(t.submittedAt) : Number.MAX_SAFE_INTEGER);
    return [...items].sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || time(a) - time(b));
}

export type SlaMark = 'overdue' | 'dueSoon' | 'onTime' | 'none';

/**
 * Where a consult stands against its response-time target: overdue when the server says so or the due time has
 * passed, due soon in the last quarter of the time allowed (at least the last 10 minutes), else on time; 'none' when
 * no answer is awaited.
 */
export function slaMark(item: Pick<ConsultSummary, 'state' | 'submittedAt' | 'acceptDueAt' | 'overdue'>, now: number): SlaMark {
    if (!['SUBMITTED', 'ASSIGNED', 'DECLINED'].includes(item.state)) {
        return 'none';
    }
    if (item.overdue) {
        return 'overdue';
    }
    if (!item.acceptDueAt) {
        return 'none';
    }
    const due = Date.parse(item.acceptDueAt);
    if (now >= due) {
        return 'overdue';
    }
    const submitted = item.submittedAt ? Date.parse(item.submittedAt) : due;
    const window = Math.max(10 * 60_000, (due - submitted) / 4);
    return due - now <= window ? 'dueSoon' : 'onTime';
}

/** Whole minutes between two instants, never negative. */
export function minutesBetween(fromIso: string, now: number): number {
    return Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
}

/** A duration in minutes as {days, hours, minutes}, for "waiting 2 h 5 min". */
export function splitMinutes(total: number): { days: number; hours: number; minutes: number } {
    const days = Math.floor(total / 1440);
    const hours = Math.floor((total % 1440) / 60);
    return { days, hours, minutes: total % 60 };
}

// ---- API ----

const base = (id: string): string => `/api/consults/${encodeURIComponent(id)}`;

export async function worklist(
    api: ApiClient,
    filter: { state?: string; urgency?: string; specialty?: string; overdue?: string; offset?: number; limit?: number } = {},
): Promise<Worklist> {
    const body = await api.getJson('/api/consults', {
        state: filter.state || undefined,
        urgency: filter.urgency || undefined,
        specialty: filter.specialty || undefined,
        overdue: filter.overdue || undefined,
        offset: filter.offset === undefined ? undefined : String(filter.offset),
        limit: String(filter.limit ?? 100),
    });
    if (!isObject(body) || !Array.isArray(body.items)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return {
        scope: typeof body.scope === 'string' ? body.scope : '',
        items: body.items.filter(isSummary),
        total: typeof body.total === 'number' ? body.total : body.items.length,
        counts: isObject(body.counts) ? (body.counts as Worklist['counts']) : {},
    };
}

export async function getConsult(api: ApiClient, id: string): Promise<Consult> {
    return consult(await api.getJson(base(id)));
}

export async function createConsult(api: ApiClient, input: ConsultInput): Promise<Consult> {
    return consult(await api.postJson('/api/consults', input));
}

export async function updateConsult(api: ApiClient, id: string, version: number, input: ConsultInput): Promise<Consult> {
    return consult(await api.sendJson('PUT', `${base(id)}?version=${version}`, input));
}

export async function transition(
    api: ApiClient,
    id: string,
    to: ConsultState,
    extra: { specialistId?: string; reason?: string; version?: number } = {},
): Promise<Consult> {
    return consult(await api.postJson(`${base(id)}/transitions`, { to, ...extra }));
}

export async function addStudy(api: ApiClient, id: string, studyUid: string): Promise<Consult> {
    return consult(await api.postJson(`${base(id)}/studies`, { studyUid }));
}

export async function messages(api: ApiClient, id: string): Promise<Message[]> {
    return list(await api.getJson(`${base(id)}/messages`), isMessage);
}

export async function postMessage(api: ApiClient, id: string, body: string, documentIds: readonly string[]): Promise<Message> {
    const answer = await api.postJson(`${base(id)}/messages`, { body, documentIds });
    if (!isMessage(answer)) {
        throw new ApiError('unexpectedResponse', 201);
    }
    return answer;
}

export async function documents(api: ApiClient, id: string): Promise<DocumentInfo[]> {
    return list(await api.getJson(`${base(id)}/documents`), isDocument);
}

export async function uploadDocument(api: ApiClient, id: string, file: File): Promise<DocumentInfo> {
    const form = new FormData();
    form.append('file', file, file.name);
    const response = await api.fetchAuthorized(`${base(id)}/documents`, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: form,
    });
    const answer: unknown = await response.json().catch(() => null);
    if (!isDocument(answer)) {
        throw new ApiError('unexpectedResponse', response.status);
    }
    return answer;
}

/** Downloads a file of the API (a document, the report PDF) as a Blob with its type. */
export async function download(api: ApiClient, path: string): Promise<Blob> {
    const response = await api.fetchAuthorized(path, { headers: { Accept: '*/*' } });
    return response.blob();
}

export function documentPath(consultId: string, documentId: string): string {
    return `${base(consultId)}/documents/${encodeURIComponent(documentId)}`;
}

export function reportPdfPath(consultId: string): string {
    return `${base(consultId)}/report/pdf`;
}

export async function bookSession(
    api: ApiClient,
    id: string,
    slot: { scheduleId: string; start: string },
    idempotencyKey: string,
    version: number,
): Promise<Consult> {
    return consult(
        await api.postJson(`${base(id)}/session`, { scheduleId: slot.scheduleId, start: slot.start, idempotencyKey, version }),
    );
}

export async function startSession(api: ApiClient, id: string, version: number): Promise<Consult> {
    return consult(await api.postJson(`${base(id)}/session/start?version=${version}`, {}));
}

export async function getReport(api: ApiClient, id: string): Promise<Report | null> {
    try {
        const body = await api.getJson(`${base(id)}/report`);
        if (!isObject(body) || typeof body.version !== 'number') {
            throw new ApiError('unexpectedResponse', 200);
        }
        return {
            consultId: id,
            version: body.version,
            findings: str(body.findings),
            assessment: str(body.assessment),
            conclusions: str(body.conclusions),
            recommendations: str(body.recommendations),
            freeText: str(body.freeText),
            signedAt: str(body.signedAt),
            addenda: Array.isArray(body.addenda) ? body.addenda.filter(isAddendum) : [],
        };
    } catch (error) {
        if (error instanceof ApiError && error.kind === 'notFound') {
            return null;
        }
        throw error;
    }
}

export async function saveReport(api: ApiClient, id: string, input: ReportInput): Promise<void> {
    await api.sendJson('PUT', `${base(id)}/report`, input);
}

export async function signReport(api: ApiClient, id: string, version: number): Promise<void> {
    await api.postJson(`${base(id)}/report/sign?version=${version}`, {});
}

export async function addAddendum(api: ApiClient, id: string, body: string): Promise<void> {
    await api.postJson(`${base(id)}/report/addenda`, { body });
}

export async function linkedHubs(api: ApiClient): Promise<Hub[]> {
    return list(await api.getJson('/api/consults/hubs'), isHub);
}

/** The hub's specialists (coordinators assign to them). */
export async function hubSpecialists(api: ApiClient): Promise<Specialist[]> {
    const body = await api.getJson('/api/scheduling/bookable');
    return list(body, (v): v is Record<string, unknown> => isObject(v) && v.kind === 'PRACTITIONER')
        .filter((v) => typeof v.id === 'string' && typeof v.name === 'string')
        .map((v) => ({ id: v.id as string, name: v.name as string }));
}

/** Free consult-session slots of one specialist between two instants. */
export async function sessionSlots(api: ApiClient, specialistId: string, from: Date, to: Date): Promise<SessionSlot[]> {
    const body = await api.getJson('/api/scheduling/slots', {
        kind: 'CONSULT_SESSION',
        practitioner: specialistId,
        from: from.toISOString(),
        to: to.toISOString(),
        limit: '200',
    });
    return list(body, isSlot);
}

export async function pacsNodes(api: ApiClient): Promise<Pacs[]> {
    return list(await api.getJson('/api/imaging/pacs'), (v): v is Pacs => isObject(v) && typeof v.id === 'string');
}

export async function findStudies(
    api: ApiClient,
    node: string,
    query: { PatientID?: string; PatientName?: string; AccessionNumber?: string; StudyDate?: string },
): Promise<RemoteStudy[]> {
    const body = await api.getJson(`/api/imaging/pacs/${encodeURIComponent(node)}/studies`, {
        PatientID: query.PatientID || undefined,
        PatientName: query.PatientName || undefined,
        AccessionNumber: query.AccessionNumber || undefined,
        StudyDate: query.StudyDate || undefined,
    });
    return list(body, (v): v is RemoteStudy => isObject(v) && typeof v.studyUid === 'string');
}

export async function startRetrieval(api: ApiClient, node: string, studyUid: string): Promise<Retrieval> {
    return retrieval(await api.postJson(`/api/imaging/pacs/${encodeURIComponent(node)}/retrievals`, { studyUid }));
}

export async function retrievalProgress(api: ApiClient, id: string): Promise<Retrieval> {
    return retrieval(await api.getJson(`/api/imaging/pacs/retrievals/${encodeURIComponent(id)}`));
}

/** What QIDO-RS says about a study the caller may see. */
export interface StudySummary {
    readonly studyUid: string;
    readonly description: string | null;
    readonly modalities: readonly string[];
    readonly studyDate: string | null;
    readonly instances: number | null;
    readonly patientName: string | null;
    readonly patientId: string | null;
}

/** Reads one QIDO-RS study result (DICOM JSON); null when it holds no Study Instance UID. */
function readStudy(item: unknown): StudySummary | null {
    if (!isObject(item)) {
        return null;
    }
    const values = (tag: string): unknown[] => {
        const element = item[tag];
        return isObject(element) && Array.isArray(element.Value) ? element.Value : [];
    };
    const uid = values('0020000D')[0];
    if (typeof uid !== 'string') {
        return null;
    }
    const text = (tag: string): string | null => {
        const value = values(tag)[0];
        const raw = isObject(value) && typeof value.Alphabetic === 'string' ? value.Alphabetic : value;
        return typeof raw === 'string' && raw.trim() !== '' ? raw.replace(/\^/g, ' ').trim() : null;
    };
    const count = values('00201208')[0];
    return {
        studyUid: uid,
        description: text('00081030'),
        modalities: values('00080061')
            .filter((m): m is string => typeof m === 'string')
            .flatMap((m) => m.split('\\'))
            .filter((m) => m !== ''),
        studyDate: text('00080020'),
        instances: typeof count === 'number' ? count : typeof count === 'string' && /^\d+$/.test(count) ? Number(count) : null,
        patientName: text('00100010'),
        patientId: text('00100020'),
    };
}

/** Reads a QIDO-RS answer (an array of DICOM JSON studies). */
export function studySummaries(body: unknown): StudySummary[] {
    return Array.isArray(body) ? body.map(readStudy).filter((s): s is StudySummary => s !== null) : [];
}

/** One study's QIDO-RS summary (null when the store does not show it to the caller). */
export async function findStudy(api: ApiClient, studyUid: string): Promise<StudySummary | null> {
    return studySummaries(await api.getJson('/dicom-web/studies', { StudyInstanceUID: studyUid }))[0] ?? null;
}

/** Studies of the caller's hospital already in TeleConsult's store (pushed by the PACS, uploaded before). */
export async function storedStudies(api: ApiClient, query: { PatientID?: string; PatientName?: string }): Promise<StudySummary[]> {
    return studySummaries(
        await api.getJson('/dicom-web/studies', {
            PatientID: query.PatientID || undefined,
            PatientName: query.PatientName ? `*${query.PatientName.replace(/\s+/g, '*')}*` : undefined,
            limit: '50',
        }),
    );
}

// ---- checks ----

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
    return typeof value === 'string' ? value : null;
}

function list<T>(body: unknown, check: (value: unknown) => value is T): T[] {
    if (!Array.isArray(body)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body.filter(check);
}

function consult(body: unknown): Consult {
    if (
        isObject(body) &&
        typeof body.id === 'string' &&
        typeof body.state === 'string' &&
        typeof body.version === 'number' &&
        isObject(body.patient) &&
        Array.isArray(body.allowedNext)
    ) {
        return {
            ...(body as unknown as Consult),
            studyUids: Array.isArray(body.studyUids) ? (body.studyUids as string[]) : [],
            history: Array.isArray(body.history) ? (body.history as Transition[]) : [],
        };
    }
    throw new ApiError('unexpectedResponse', 200);
}

function isSummary(value: unknown): value is ConsultSummary {
    return isObject(value) && typeof value.id === 'string' && typeof value.state === 'string' && typeof value.urgency === 'string';
}

function isDocument(value: unknown): value is DocumentInfo {
    return isObject(value) && typeof value.id === 'string' && typeof value.fileName === 'string';
}

function isMessage(value: unknown): value is Message {
    return isObject(value) && typeof value.id === 'string' && typeof value.body === 'string' && Array.isArray(value.attachments);
}

function isAddendum(value: unknown): value is Addendum {
    return isObject(value) && typeof value.id === 'string' && typeof value.body === 'string';
}

function isHub(value: unknown): value is Hub {
    return isObject(value) && typeof value.id === 'string' && typeof value.name === 'string' && Array.isArray(value.specialties);
}

function isSlot(value: unknown): value is SessionSlot {
    return (
        isObject(value) &&
        typeof value.scheduleId === 'string' &&
        typeof value.start === 'string' &&
        typeof value.timeZone === 'string'
    );
}

function retrieval(body: unknown): Retrieval {
    if (isObject(body) && typeof body.id === 'string' && typeof body.state === 'string') {
        return body as unknown as Retrieval;
    }
    throw new ApiError('unexpectedResponse', 200);
}
