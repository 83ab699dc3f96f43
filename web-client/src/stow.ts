// Uploads a study's files with DICOMweb STOW-RS (PS3.18 10.5): multipart/related bodies of application/dicom parts,
// sent in batches with upload progress (XMLHttpRequest: fetch reports none), and the answer read per file from the
// Referenced SOP Sequence (0008,1199) and the Failed SOP Sequence (0008,1198) with its Failure Reason (0008,1197).
import type { ChosenFile, ReadFile } from './dicom-files';

/** One instance the server refused, with the PS3.4 failure reason code (e.g. 0xC000 cannot understand). */
export interface FailedInstance {
    readonly sopInstanceUid: string | null;
    readonly reason: number | null;
}

export interface StowAnswer {
    readonly stored: readonly string[];
    readonly failed: readonly FailedInstance[];
    /** The server's words for the first refusal (HTTP Warning header), when it gave them. */
    readonly warning: string | null;
}

/** What became of one file. */
export interface FileOutcome<F extends ChosenFile = ChosenFile> {
    readonly file: F;
    readonly stored: boolean;
    readonly reason: number | null;
}

type DicomJson = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

function sequence(body: DicomJson, tag: string): DicomJson[] {
    const value = body[tag]?.Value;
    return Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as DicomJson[]) : [];
}

function first(item: DicomJson, tag: string): unknown {
    const value = item[tag]?.Value;
    return Array.isArray(value) ? value[0] : undefined;
}

/** Reads a STOW-RS answer body (application/dicom+json); an empty or unreadable body gives empty lists. */
export function parseStowAnswer(body: unknown, warningHeader: string | null = null): StowAnswer {
    const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as DicomJson) : {};
    const stored = sequence(record, '00081199')
        .map((item) => first(item, '00081155'))
        .filter((uid): uid is string => typeof uid === 'string');
    const failed = sequence(record, '00081198').map((item) => {
        const uid = first(item, '00081155');
        const reason = first(item, '00081197');
        return {
            sopInstanceUid: typeof uid === 'string' && uid !== '' ? uid : null,
            reason: typeof reason === 'number' ? reason : null,
        };
    });
    return { stored, failed, warning: parseWarning(warningHeader) };
}

/** The text of an HTTP Warning header such as `299 teleconsult "Not a DICOM file"`. */
export function parseWarning(header: string | null): string | null {
    if (!header) {
        return null;
    }
    const quoted = /"((?:[^"\\]|\\.)*)"/.exec(header);
    return ((quoted ? quoted[1] : header) ?? '').trim() || null;
}

/**
 * Matches the answer to the files sent: by SOP Instance UID first; refusals without a UID go, in order, to the files
 * not yet accounted for. A file the answer does not mention counts as refused (reason unknown).
 */
export function outcomesOf<F extends ChosenFile>(sent: readonly ReadFile<F>[], answer: StowAnswer): FileOutcome<F>[] {
    const stored = new Set(answer.stored);
    const failedByUid = new Map<string, FailedInstance>();
    const anonymous: FailedInstance[] = [];
    for (const f of answer.failed) {
        if (f.sopInstanceUid && !failedByUid.has(f.sopInstanceUid)) {
            failedByUid.set(f.sopInstanceUid, f);
        } else {
            anonymous.push(f);
        }
    }
    return sent.map((read) => {
        const uid = read.header.sopInstanceUid;
        if (uid && stored.has(uid)) {
            return { file: read.file, stored: true, reason: null };
        }
        const failure = (uid ? failedByUid.get(uid) : undefined) ?? anonymous.shift();
        return { file: read.file, stored: false, reason: failure?.reason ?? null };
    });
}

/** Catalogue keys for PS3.4 / PS3.18 failure reasons. */
export type FailureKey =
    | 'stow.reason.cannotUnderstand'
    | 'stow.reason.studyMismatch'
    | 'stow.reason.outOfResources'
    | 'stow.reason.notAuthorized'
    | 'stow.reason.sopClassNotSupported'
    | 'stow.reason.processing'
    | 'stow.reason.unknown';

/** The message for a failure reason code. */
export function failureKey(reason: number | null): FailureKey {
    if (reason === null) {
        return 'stow.reason.unknown';
    }
    if (reason === 0x0122) {
        return 'stow.reason.sopClassNotSupported';
    }
    if (reason === 0x0124) {
        return 'stow.reason.notAuthorized';
    }
    if (reason === 0xa900 || (reason & 0xff00) === 0xa900) {
        return 'stow.reason.studyMismatch';
    }
    if ((reason & 0xff00) === 0xa700) {
        return 'stow.reason.outOfResources';
    }
    if ((reason & 0xf000) === 0xc000) {
        return 'stow.reason.cannotUnderstand';
    }
    if (reason === 0x0110 || reason === 0x0272) {
        return 'stow.reason.processing';
    }
    return 'stow.reason.unknown';
}

/** Splits files into batches of at most maxFiles files and maxBytes bytes (a larger single file goes alone). */
export function batches<T extends { file: ChosenFile }>(items: readonly T[], maxFiles = 50, maxBytes = 64 * 1024 * 1024): T[][] {
    const out: T[][] = [];
    let current: T[] = [];
    let bytes = 0;
    for (const item of items) {
        if (current.length > 0 && (current.length >= maxFiles || bytes + item.file.size > maxBytes)) {
            out.push(current);
            current = [];
            bytes = 0;
        }
        current.push(item);
        bytes += item.file.size;
    }
    if (current.length > 0) {
        out.push(current);
    }
    return out;
}

/** A random multipart boundary. */
export function newBoundary(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    return `teleconsult-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A multipart/related body of application/dicom parts (the files are not copied: a Blob refers to them). */
export function multipartBody(files: readonly Blob[], boundary: string): Blob {
    const parts: BlobPart[] = [];
    for (const file of files) {
        parts.push(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`, file, '\r\n');
    }
    parts.push(`--${boundary}--\r\n`);
    return new Blob(parts);
}

/** The Content-Type of a STOW-RS request. */
export function stowContentType(boundary: string): string {
    return `multipart/related; type="application/dicom"; boundary=${boundary}`;
}

/** A failed STOW request as a whole (no per-file answer): HTTP status (0: no answer) and the server's words. */
export class StowRequestFailed extends Error {
    constructor(
        readonly status: number,
        readonly detail: string | null,
    ) {
        super(`STOW-RS failed (HTTP ${status})${detail ? `: ${detail}` : ''}`);
        this.name = 'StowRequestFailed';
    }
}

/**
 * Sends one STOW-RS request with XMLHttpRequest, reporting bytes sent; resolves with the per-instance answer for
 * 200, 202 and 409 (all refused), rejects with StowRequestFailed otherwise.
 */
export function sendStow(
    url: string,
    token: string,
    files: readonly Blob[],
    onProgress: (sentBytes: number, totalBytes: number) => void,
): Promise<StowAnswer> {
    const boundary = newBoundary();
    const body = multipartBody(files, boundary);
    return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url);
        xhr.setRequestHeader('Authorization', `Bearer ${token}`);
        xhr.setRequestHeader('Content-Type', stowContentType(boundary));
        xhr.setRequestHeader('Accept', 'application/dicom+json');
        xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : body.size);
        xhr.onerror = () => reject(new StowRequestFailed(0, null));
        xhr.ontimeout = () => reject(new StowRequestFailed(0, null));
        xhr.onload = () => {
            let json: unknown = null;
            try {
                json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
            } catch {
                json = null;
            }
            const warning = xhr.getResponseHeader('Warning');
            if (xhr.status === 200 || xhr.status === 202 || (xhr.status === 409 && json && typeof json === 'object' && '00081198' in json)) {
                onProgress(body.size, body.size);
                resolve(parseStowAnswer(json, warning));
                return;
            }
            const detail =
                json && typeof json === 'object' && typeof (json as { detail?: unknown }).detail === 'string'
                    ? (json as { detail: string }).detail
                    : parseWarning(warning);
            reject(new StowRequestFailed(xhr.status, detail));
        };
        xhr.send(body);
    });
}
