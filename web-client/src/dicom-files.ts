// Reads what the upload needs from a DICOM Part 10 file's header in the browser — the Study, Series and SOP Instance
// UIDs and a few descriptive attributes — and groups chosen files by study. Only the header is parsed (elements up to
// the Series Instance UID); pixel data is never touched. Files that are not DICOM are set aside with a reason.

/** What the header of one file says; uids are null when absent. */
export interface DicomHeader {
    readonly transferSyntaxUid: string | null;
    readonly sopClassUid: string | null;
    readonly sopInstanceUid: string | null;
    readonly studyInstanceUid: string | null;
    readonly seriesInstanceUid: string | null;
    readonly patientName: string | null;
    readonly patientId: string | null;
    readonly studyDate: string | null;
    readonly studyDescription: string | null;
    readonly modality: string | null;
}

/** Why a file is not uploaded. */
export type NotDicomReason = 'tooSmall' | 'noMarker' | 'unreadable';

export class NotDicom extends Error {
    constructor(readonly reason: NotDicomReason) {
        super(`not a DICOM Part 10 file: ${reason}`);
        this.name = 'NotDicom';
    }
}

const IMPLICIT_LE = '1.2.840.10008.1.2';
const EXPLICIT_BE = '1.2.840.10008.1.2.2';
const DEFLATED = '1.2.840.10008.1.2.1.99';

/** VRs whose explicit encoding has a 2-byte reserved field and a 4-byte length. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

const TAGS = {
    transferSyntaxUid: 0x00020010,
    mediaSopClassUid: 0x00020002,
    mediaSopInstanceUid: 0x00020003,
    sopClassUid: 0x00080016,
    sopInstanceUid: 0x00080018,
    studyDate: 0x00080020,
    modality: 0x00080060,
    studyDescription: 0x00081030,
    patientName: 0x00100010,
    patientId: 0x00100020,
    studyInstanceUid: 0x0020000d,
    seriesInstanceUid: 0x0020000e,
} as const;

const WANTED = new Set<number>(Object.values(TAGS));
const LAST_WANTED = TAGS.seriesInstanceUid;
const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQUENCE_END = 0xfffee0dd;
const UNDEFINED = 0xffffffff;

/** Ran past the end of the bytes given: the caller may retry with more of the file. */
class Truncated extends Error {}

interface Cursor {
    readonly view: DataView;
    pos: number;
    readonly little: boolean;
    readonly explicit: boolean;
}

/**
 * Parses the header of a DICOM Part 10 file (128-byte preamble, "DICM", file meta information, then the data set in
 * its transfer syntax). With `complete` false, `bytes` is only the start of the file and RangeError('truncated') says
 * the wanted attributes may lie beyond it; NotDicom is thrown for files that are not DICOM or cannot be read.
 */
export function parseDicomHeader(bytes: ArrayBuffer | Uint8Array, complete = true): DicomHeader {
    const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    if (u8.length < 132) {
        throw new NotDicom(complete ? 'tooSmall' : 'unreadable');
    }
    if (u8[128] !== 0x44 || u8[129] !== 0x49 || u8[130] !== 0x43 || u8[131] !== 0x4d) {
        throw new NotDicom('noMarker');
    }
    const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
    const found = new Map<number, string>();
    const meta: Cursor = { view, pos: 132, little: true, explicit: true };
    try {
        // File meta information: always explicit VR little endian, group 0002.
        while (meta.pos + 4 <= view.byteLength && view.getUint16(meta.pos, true) === 0x0002) {
            readElement(meta, found, 0);
        }
        const ts = found.get(TAGS.transferSyntaxUid) ?? null;
        // A deflated data set would need inflating first; its file meta still names the SOP instance.
        if (ts !== DEFLATED) {
            const data: Cursor = { view, pos: meta.pos, little: ts !== EXPLICIT_BE, explicit: ts !== IMPLICIT_LE };
            while (data.pos + 4 <= view.byteLength && peekTag(data) <= LAST_WANTED) {
                readElement(data, found, 0);
            }
            if (!complete && data.pos + 4 > view.byteLength) {
                throw new Truncated();
            }
        }
    } catch (error) {
        if (error instanceof Truncated || error instanceof RangeError) {
            if (complete) {
                throw new NotDicom('unreadable');
            }
            throw new RangeError('truncated');
        }
        throw error;
    }
    const get = (tag: number): string | null => found.get(tag) ?? null;
    return {
        transferSyntaxUid: get(TAGS.transferSyntaxUid),
        sopClassUid: get(TAGS.sopClassUid) ?? get(TAGS.mediaSopClassUid),
        sopInstanceUid: get(TAGS.sopInstanceUid) ?? get(TAGS.mediaSopInstanceUid),
        studyInstanceUid: get(TAGS.studyInstanceUid),
        seriesInstanceUid: get(TAGS.seriesInstanceUid),
        patientName: get(TAGS.patientName)?.replace(/\^/g, ' ').trim() || null,
        patientId: get(TAGS.patientId),
        studyDate: get(TAGS.studyDate),
        studyDescription: get(TAGS.studyDescription),
        modality: get(TAGS.modality),
    };
}

function peekTag(c: Cursor): number {
    const group = c.view.getUint16(c.pos, c.little);
    const element = c.view.getUint16(c.pos + 2, c.little);
    return ((group << 16) | element) >>> 0;
}

function need(c: Cursor, length: number): void {
    if (c.pos + length > c.view.byteLength) {
        throw new Truncated();
    }
}

/** Reads one element at the cursor, keeping the wanted ones (top level only) and skipping sequences. */
function readElement(c: Cursor, found: Map<number, string>, depth: number): void {
    need(c, 8);
    const tag = peekTag(c);
    c.pos += 4;
    let vr = '';
    let length: number;
    const isDelimiter = tag === ITEM || tag === ITEM_END || tag === SEQUENCE_END;
    if (c.explicit && !isDelimiter) {
        vr = String.fromCharCode(c.view.getUint8(c.pos), c.view.getUint8(c.pos + 1));
        if (LONG_VRS.has(vr)) {
            // VR, two reserved bytes, 4-byte length
            need(c, 8);
            length = c.view.getUint32(c.pos + 4, c.little);
            c.pos += 8;
        } else {
            length = c.view.getUint16(c.pos + 2, c.little);
            c.pos += 4;
        }
    } else {
        length = c.view.getUint32(c.pos, c.little);
        c.pos += 4;
    }
    if (length === UNDEFINED) {
        skipUndefined(c, found, depth);
        return;
    }
    need(c, length);
    if (depth === 0 && WANTED.has(tag)) {
        found.set(tag, text(new Uint8Array(c.view.buffer, c.view.byteOffset + c.pos, length)));
    }
    c.pos += length;
}

/** Skips an element of undefined length: a sequence of items, each ending with an item delimiter or a length. */
function skipUndefined(c: Cursor, found: Map<number, string>, depth: number): void {
    for (;;) {
        need(c, 8);
        const tag = peekTag(c);
        if (tag === SEQUENCE_END) {
            c.pos += 8;
            return;
        }
        if (tag !== ITEM) {
            throw new NotDicom('unreadable');
        }
        const length = c.view.getUint32(c.pos + 4, c.little);
        c.pos += 8;
        if (length !== UNDEFINED) {
            need(c, length);
            c.pos += length;
            continue;
        }
        for (;;) {
            need(c, 8);
            if (peekTag(c) === ITEM_END) {
                c.pos += 8;
                break;
            }
            readElement(c, found, depth + 1);
        }
    }
}

function text(bytes: Uint8Array): string {
    return new TextDecoder('utf-8').decode(bytes).replace(/[\0 ]+$/, '').trim();
}

/** A file the user chose, reduced to what grouping needs (a File in the browser; plain objects in tests). */
export interface ChosenFile {
    readonly name: string;
    readonly size: number;
    /** The path inside a chosen folder, when the browser gives one. */
    readonly webkitRelativePath?: string;
    slice(start?: number, end?: number): Blob;
}

export interface ReadFile<F extends ChosenFile = ChosenFile> {
    readonly file: F;
    readonly header: DicomHeader;
}

export interface SkippedFile<F extends ChosenFile = ChosenFile> {
    readonly file: F;
    readonly reason: NotDicomReason;
}

/** The files of one study, in the order chosen, and what describes it. */
export interface StudyGroup<F extends ChosenFile = ChosenFile> {
    /** The Study Instance UID, or '' for DICOM files without one (the server will say what is wrong). */
    readonly studyUid: string;
    readonly files: ReadFile<F>[];
    readonly bytes: number;
    readonly patientName: string | null;
    readonly description: string | null;
    readonly modalities: readonly string[];
    readonly seriesCount: number;
}

const HEAD_BYTES = 256 * 1024;

/** Reads a file's DICOM header from its first bytes, and from the whole file when the header is longer. */
export async function readHeader(file: ChosenFile): Promise<DicomHeader> {
    const complete = file.size <= HEAD_BYTES;
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    try {
        return parseDicomHeader(head, complete);
    } catch (error) {
        if (error instanceof RangeError) {
            return parseDicomHeader(new Uint8Array(await file.slice().arrayBuffer()), true);
        }
        throw error;
    }
}

/** Groups read files by Study Instance UID (first-seen order) with the studies' descriptions. */
export function groupByStudy<F extends ChosenFile>(files: readonly ReadFile<F>[]): StudyGroup<F>[] {
    const groups = new Map<string, ReadFile<F>[]>();
    for (const read of files) {
        const key = read.header.studyInstanceUid ?? '';
        const list = groups.get(key) ?? [];
        list.push(read);
        groups.set(key, list);
    }
    return [...groups.entries()].map(([studyUid, list]) => {
        const first = (field: keyof DicomHeader): string | null =>
            list.map((r) => r.header[field]).find((v) => v !== null && v !== '') ?? null;
        const modalities = [...new Set(list.map((r) => r.header.modality).filter((m): m is string => !!m))];
        const series = new Set(list.map((r) => r.header.seriesInstanceUid ?? ''));
        return {
            studyUid,
            files: list,
            bytes: list.reduce((sum, r) => sum + r.file.size, 0),
            patientName: first('patientName'),
            description: first('studyDescription'),
            modalities,
            seriesCount: series.size,
        };
    });
}

/** Reads every chosen file: DICOM files grouped by study, the others set aside with their reason. */
export async function sortChosenFiles<F extends ChosenFile>(
    files: readonly F[],
): Promise<{ studies: StudyGroup<F>[]; skipped: SkippedFile<F>[] }> {
    const read: ReadFile<F>[] = [];
    const skipped: SkippedFile<F>[] = [];
    for (const file of files) {
        if (isSystemFile(file)) {
            continue;
        }
        try {
            read.push({ file, header: await readHeader(file) });
        } catch (error) {
            skipped.push({ file, reason: error instanceof NotDicom ? error.reason : 'unreadable' });
        }
    }
    return { studies: groupByStudy(read), skipped };
}

/** Files a folder carries that nobody means to upload (Finder and Explorer metadata). */
function isSystemFile(file: ChosenFile): boolean {
    const name = file.name.toLowerCase();
    return name === '.ds_store' || name === 'thumbs.db' || name === 'desktop.ini';
}

/** The path to show for a file: its place in the chosen folder, or its name. */
export function displayPath(file: ChosenFile): string {
    return file.webkitRelativePath && file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name;
}
