import { describe, expect, it } from 'vitest';
import type { DicomHeader, ReadFile } from './dicom-files';
import { batches, failureKey, multipartBody, outcomesOf, parseStowAnswer, parseWarning, stowContentType } from './stow';

const header = (sop: string | null): DicomHeader => ({
    transferSyntaxUid: null,
    sopClassUid: null,
    sopInstanceUid: sop,
    studyInstanceUid: '1.2',
    seriesInstanceUid: '1.2.3',
    patientName: null,
    patientId: null,
    studyDate: null,
    studyDescription: null,
    modality: null,
});
const sent = (name: string, sop: string | null, size = 10): ReadFile => ({ file: { name, size, slice: () => new Blob([]) }, header: header(sop) });

// As image-share's StowResource answers (PS3.18 10.5.3): 0008,1199 stored, 0008,1198 failed with 0008,1197.
const ANSWER = {
    '00081190': { vr: 'UR', Value: ['http://x/dicom-web/studies/1.2'] },
    '00081199': { vr: 'SQ', Value: [{ '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] }, '00081155': { vr: 'UI', Value: ['9.1'] } }] },
    '00081198': {
        vr: 'SQ',
        Value: [
            { '00081155': { vr: 'UI', Value: ['9.3'] }, '00081197': { vr: 'US', Value: [0xa900] } },
            { '00081197': { vr: 'US', Value: [0xc000] } },
        ],
    },
};

describe('STOW-RS answer', () => {
    it('should read stored and failed instances with their failure reasons', () => {
        const answer = parseStowAnswer(ANSWER, '299 teleconsult "Not a DICOM file: no DICM"');
        expect(answer.stored).toEqual(['9.1']);
        expect(answer.failed).toEqual([
            { sopInstanceUid: '9.3', reason: 0xa900 },
            { sopInstanceUid: null, reason: 0xc000 },
        ]);
        expect(answer.warning).toBe('Not a DICOM file: no DICM');
    });

    it('should read an empty or unexpected body as nothing stored', () => {
        expect(parseStowAnswer(null)).toEqual({ stored: [], failed: [], warning: null });
        expect(parseStowAnswer({ '00081199': { vr: 'SQ' } }).stored).toEqual([]);
        expect(parseWarning('plain words')).toBe('plain words');
    });

    it('should match the answer to the files sent: by UID, then refusals without a UID in order', () => {
        const outcomes = outcomesOf([sent('a', '9.1'), sent('b', '9.2'), sent('c', '9.3'), sent('d', '9.4')], parseStowAnswer(ANSWER));
        expect(outcomes.map((o) => [o.file.name, o.stored, o.reason])).toEqual([
            ['a', true, null],
            ['b', false, 0xc000],
            ['c', false, 0xa900],
            ['d', false, null],
        ]);
    });

    it('should name every failure reason in words', () => {
        expect(failureKey(0xc000)).toBe('stow.reason.cannotUnderstand');
        expect(failureKey(0xc123)).toBe('stow.reason.cannotUnderstand');
        expect(failureKey(0xa900)).toBe('stow.reason.studyMismatch');
        expect(failureKey(0xa700)).toBe('stow.reason.outOfResources');
        expect(failureKey(0x0124)).toBe('stow.reason.notAuthorized');
        expect(failureKey(0x0122)).toBe('stow.reason.sopClassNotSupported');
        expect(failureKey(0x0110)).toBe('stow.reason.processing');
        expect(failureKey(null)).toBe('stow.reason.unknown');
        expect(failureKey(0x1234)).toBe('stow.reason.unknown');
    });
});

describe('STOW-RS request', () => {
    it('should split a study into batches by count and size', () => {
        const files = [sent('a', '1', 40), sent('b', '2', 40), sent('c', '3', 40), sent('d', '4', 200), sent('e', '5', 1)];
        expect(batches(files, 10, 100).map((b) => b.map((f) => f.file.name))).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
        expect(batches(files, 2, 10_000).map((b) => b.length)).toEqual([2, 2, 1]);
        expect(batches([])).toEqual([]);
    });

    it('should build a multipart/related body of application/dicom parts', async () => {
        const body = await multipartBody([new Blob(['AAA']), new Blob(['BB'])], 'xyz').text();
        expect(body).toBe('--xyz\r\nContent-Type: application/dicom\r\n\r\nAAA\r\n--xyz\r\nContent-Type: application/dicom\r\n\r\nBB\r\n--xyz--\r\n');
        expect(stowContentType('xyz')).toBe('multipart/related; type="application/dicom"; boundary=xyz');
    });
});
