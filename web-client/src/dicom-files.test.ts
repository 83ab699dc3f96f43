/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupByStudy, NotDicom, parseDicomHeader, readHeader, sortChosenFiles, type DicomHeader } from './dicom-files';

const FILES = '/usr/lib/python3/dist-packages/pydicom/data/test_files/';
const bytes = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(FILES + name));
const file = (name: string, content: Uint8Array<ArrayBuffer> | string, relative = ''): File =>
    Object.defineProperty(new File([content], name), 'webkitRelativePath', { value: relative });

describe('DICOM header', () => {
    it('should read the UIDs of an explicit little endian CT', () => {
        const header = parseDicomHeader(bytes('CT_small.dcm'));
        expect(header).toMatchObject({
            transferSyntaxUid: '1.2.840.10008.1.2.1',
            sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
            sopInstanceUid: '1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322',
            studyInstanceUid: '1.3.6.1.4.1.5962.1.2.1.20040119072730.12322',
            seriesInstanceUid: '1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322',
            modality: 'CT',
            patientName: 'CompressedSamples CT1',
        });
    });

    it('should read implicit little endian and explicit big endian alike', () => {
        const implicit = parseDicomHeader(bytes('MR_small_implicit.dcm'));
        const big = parseDicomHeader(bytes('MR_small_bigendian.dcm'));
        expect(implicit.studyInstanceUid).toBe('1.3.6.1.4.1.5962.1.2.4.20040826185059.5457');
        expect(big.studyInstanceUid).toBe(implicit.studyInstanceUid);
        expect(big.sopInstanceUid).toBe('1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457');
        expect(big.modality).toBe('MR');
    });

    it('should skip sequences before the study attributes', () => {
        expect(parseDicomHeader(bytes('liver_1frame.dcm')).seriesInstanceUid).toBe('1.2.276.0.7230010.3.1.3.0.42154.1458337731.665795');
        expect(parseDicomHeader(bytes('rtplan.dcm')).studyInstanceUid).toBe('1.22.333.4.555555.6.7777777777777777777777777777');
        expect(parseDicomHeader(bytes('reportsi.dcm')).modality).toBe('SR');
    });

    it('should refuse files that are not DICOM Part 10', () => {
        expect(() => parseDicomHeader(new TextEncoder().encode('not an image'))).toThrow(NotDicom);
        const noMarker = new Uint8Array(400);
        expect(() => parseDicomHeader(noMarker)).toThrowError(/noMarker/);
        expect(() => parseDicomHeader(bytes('no_meta.dcm'))).toThrowError(/noMarker/);
    });

    it('should ask for more bytes when only the start of a file was given', () => {
        const head = bytes('CT_small.dcm').subarray(0, 300);
        expect(() => parseDicomHeader(head, false)).toThrow(RangeError);
        expect(() => parseDicomHeader(head, true)).toThrowError(/unreadable/);
    });

    it('should read a header from a File', async () => {
        const header = await readHeader(file('IM1', bytes('CT_small.dcm')));
        expect(header.modality).toBe('CT');
    });
});

describe('grouping by study', () => {
    const header = (study: string | null, series: string, modality: string, description: string | null = null): DicomHeader => ({
        transferSyntaxUid: null,
        sopClassUid: null,
        sopInstanceUid: null,
        studyInstanceUid: study,
        seriesInstanceUid: series,
        patientName: 'A B',
        patientId: null,
        studyDate: null,
        studyDescription: description,
        modality,
    });
    const fake = (name: string, size: number) => ({ name, size, slice: () => new Blob([]) });

    it('should group files by Study Instance UID in first-seen order with their series and modalities', () => {
        const groups = groupByStudy([
            { file: fake('a', 10), header: header('1.2', 's1', 'CT') },
            { file: fake('b', 20), header: header('1.3', 's3', 'MR', 'Brain') },
            { file: fake('c', 30), header: header('1.2', 's2', 'CT', 'Chest') },
            { file: fake('d', 5), header: header(null, 's4', 'OT') },
        ]);
        expect(groups.map((g) => g.studyUid)).toEqual(['1.2', '1.3', '']);
        expect(groups[0]).toMatchObject({ bytes: 40, seriesCount: 2, modalities: ['CT'], description: 'Chest' });
        expect(groups[0]?.files.map((f) => f.file.name)).toEqual(['a', 'c']);
    });

    it('should set aside files that are not DICOM, with the reason, and ignore folder clutter', async () => {
        const { studies, skipped } = await sortChosenFiles([
            file('IM1.dcm', bytes('CT_small.dcm'), 'CD/IM1.dcm'),
            file('notes.txt', 'hello', 'CD/notes.txt'),
            file('.DS_Store', 'x'),
            file('IM2.dcm', bytes('MR_small.dcm'), 'CD/IM2.dcm'),
            file('big.bin', new Uint8Array(1000)),
        ]);
        expect(studies).toHaveLength(2);
        expect(skipped.map((s) => [s.file.name, s.reason])).toEqual([
            ['notes.txt', 'tooSmall'],
            ['big.bin', 'noMarker'],
        ]);
    });
});
