// OHIF's DICOMweb client (npm dicomweb-client, the client of the OHIF viewer) against the running application: it
// stores a real CT (pydicom's CT_small.dcm with new UIDs) with STOW-RS, finds it with QIDO-RS and retrieves it with
// WADO-RS (instance, frame, study metadata), as a hospital's viewer would. Runs in Node: xhr2 stands in for the
// browser's XMLHttpRequest.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import XMLHttpRequest from 'xhr2';
import { api } from 'dicomweb-client';
import { baseUrl, DEMO_PASSWORD } from '../browser';

globalThis.XMLHttpRequest ??= XMLHttpRequest;

/** DICOM JSON (PS3.18 Annex F) as dicomweb-client answers it. */
type DicomJson = Record<string, { vr: string; Value?: unknown[]; BulkDataURI?: string; InlineBinary?: string }>;

interface Instance {
    studyInstanceUID: string;
    seriesInstanceUID: string;
    sopInstanceUID: string;
}

interface MediaType {
    mediaType: string;
    transferSyntaxUID?: string;
}

/**
 * The calls used here. The package's own types, generated from its JSDoc, mark optional options as required
 * (mediaTypes, request, singlepart) and frame numbers as a string.
 */
interface DicomWebClient {
    storeInstances(options: { datasets: ArrayBuffer[] }): Promise<unknown>;
    searchForStudies(options: { queryParams?: Record<string, string> }): Promise<unknown>;
    searchForSeries(options: { studyInstanceUID?: string; queryParams?: Record<string, string> }): Promise<unknown>;
    searchForInstances(options: {
        studyInstanceUID?: string;
        seriesInstanceUID?: string;
        queryParams?: Record<string, string>;
    }): Promise<unknown>;
    retrieveInstance(options: Instance): Promise<unknown>;
    retrieveInstanceRendered(options: Instance & { mediaTypes?: MediaType[] }): Promise<unknown>;
    retrieveInstanceThumbnail(options: Instance & { mediaTypes?: MediaType[] }): Promise<unknown>;
    retrieveInstanceFramesThumbnail(
        options: Instance & { frameNumbers: number[]; mediaTypes?: MediaType[] },
    ): Promise<unknown>;
    retrieveInstanceMetadata(options: Instance): Promise<unknown>;
    retrieveSeriesMetadata(options: { studyInstanceUID: string; seriesInstanceUID: string }): Promise<unknown>;
    retrieveStudy(options: { studyInstanceUID: string }): Promise<unknown>;
    retrieveInstanceFrames(options: Instance & { frameNumbers: number[] }): Promise<unknown>;
    retrieveStudyMetadata(options: { studyInstanceUID: string }): Promise<unknown>;
}

const DICOMwebClient = api.DICOMwebClient as unknown as new (options: {
    url: string;
    headers?: Record<string, string>;
}) => DicomWebClient;

interface Original {
    study: string;
    series: string;
    instance: string;
    patientName: string;
    file: Uint8Array;
    frame: Uint8Array;
}

const TEST_FILES = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const PYDICOM_CT = `${TEST_FILES}/CT_small.dcm`;
const PYDICOM_TRUNCATED = `${TEST_FILES}/MR_truncated.dcm`;

/** CT_small.dcm with new study, series and instance UIDs (the server keeps every earlier run's), and its pixels. */
function newCt(dir: string): Original {
    const script = `
import sys, json, pydicom
from pydicom.uid import generate_uid
ds = pydicom.dcmread(sys.argv[1])
ds.StudyInstanceUID = generate_uid()
ds.SeriesInstanceUID = generate_uid()
ds.SOPInstanceUID = generate_uid()
ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
ds.save_as(sys.argv[2], write_like_original=False)
open(sys.argv[3], 'wb').write(ds.PixelData)
print(json.dumps({'study': ds.StudyInstanceUID, 'series': ds.SeriesInstanceUID, 'instance': ds.SOPInstanceUID,
                  'patientName': str(ds.PatientName)}))
`;
    const file = join(dir, 'ct.dcm');
    const frame = join(dir, 'frame.raw');
    const out = execFileSync('/usr/bin/python3', ['-c', script, PYDICOM_CT, file, frame], { encoding: 'utf8' });
    const uids = JSON.parse(out) as { study: string; series: string; instance: string; patientName: string };
    return { ...uids, file: new Uint8Array(readFileSync(file)), frame: new Uint8Array(readFileSync(frame)) };
}

async function token(username: string): Promise<string> {
    const response = await fetch(`${baseUrl()}/api/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', username, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
}

function value(dataset: DicomJson, tag: string): unknown {
    return dataset[tag]?.Value?.[0];
}

function bytes(buffer: ArrayBuffer): Uint8Array {
    return new Uint8Array(buffer);
}

describe('OHIF dicomweb-client against /dicom-web', () => {
    let dir: string;
    let ct: Original;
    let client: DicomWebClient;

    beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'dicomweb-client-'));
        ct = newCt(dir);
        client = new DICOMwebClient({
            url: `${baseUrl()}/dicom-web`,
            headers: { Authorization: `Bearer ${await token('doctor')}` },
        });
    });

    afterAll(() => {
        rmSync(dir, { recursive: true, force: true });
    });

    it('stores an instance with STOW-RS (storeInstances)', async () => {
        const copy = ct.file.slice().buffer;
        const answer: unknown = await client.storeInstances({ datasets: [copy] });
        const text = typeof answer === 'string' ? answer : new TextDecoder().decode(answer as ArrayBuffer);
        const response = JSON.parse(text) as DicomJson;
        const stored = response['00081199']?.Value as DicomJson[];
        expect(stored).toHaveLength(1);
        expect(value(stored[0]!, '00081155')).toBe(ct.instance);
        expect(response['00081198']).toBeUndefined();
    });

    it('finds it with QIDO-RS (searchForStudies, searchForSeries, searchForInstances)', async () => {
        const studies = (await client.searchForStudies({
            queryParams: { StudyInstanceUID: ct.study },
        })) as DicomJson[];
        expect(studies).toHaveLength(1);
        expect(value(studies[0]!, '0020000D')).toBe(ct.study);
        expect(value(studies[0]!, '00201208')).toBe(1); // NumberOfStudyRelatedInstances

        const series = (await client.searchForSeries({ studyInstanceUID: ct.study })) as DicomJson[];
        expect(series).toHaveLength(1);
        expect(value(series[0]!, '0020000E')).toBe(ct.series);
        expect(value(series[0]!, '00080060')).toBe('CT');

        const ctSeries = (await client.searchForSeries({
            studyInstanceUID: ct.study,
            queryParams: { Modality: 'CT' },
        })) as DicomJson[];
        expect(ctSeries).toHaveLength(1);

        const instances = (await client.searchForInstances({
            studyInstanceUID: ct.study,
            seriesInstanceUID: ct.series,
        })) as DicomJson[];
        expect(instances).toHaveLength(1);
        expect(value(instances[0]!, '00080018')).toBe(ct.instance);
        expect(value(instances[0]!, '00080016')).toBe('1.2.840.10008.5.1.4.1.1.2'); // CT Image Storage

        // the resources for all series and all instances (PS3.18 10.6), which the client uses without a study UID
        const anySeries = (await client.searchForSeries({ queryParams: { StudyInstanceUID: ct.study } })) as DicomJson[];
        expect(anySeries.map((s) => value(s, '0020000E'))).toEqual([ct.series]);
        const anyInstances = (await client.searchForInstances({
            queryParams: { StudyInstanceUID: ct.study },
        })) as DicomJson[];
        expect(anyInstances.map((i) => value(i, '00080018'))).toEqual([ct.instance]);
        const studyInstances = (await client.searchForInstances({ studyInstanceUID: ct.study })) as DicomJson[];
        expect(studyInstances.map((i) => value(i, '00080018'))).toEqual([ct.instance]);
    });

    it('retrieves the instance byte for byte with WADO-RS (retrieveInstance, retrieveStudy)', async () => {
        const uids = { studyInstanceUID: ct.study, seriesInstanceUID: ct.series, sopInstanceUID: ct.instance };
        const instance = (await client.retrieveInstance(uids)) as ArrayBuffer;
        expect(Buffer.from(bytes(instance)).equals(Buffer.from(ct.file))).toBe(true);

        const study = (await client.retrieveStudy({ studyInstanceUID: ct.study })) as ArrayBuffer[];
        expect(study).toHaveLength(1);
        expect(Buffer.from(bytes(study[0]!)).equals(Buffer.from(ct.file))).toBe(true);
    });

    it('retrieves rendered images and thumbnails (retrieveInstanceRendered, …Thumbnail, …FramesThumbnail)', async () => {
        const uids = { studyInstanceUID: ct.study, seriesInstanceUID: ct.series, sopInstanceUID: ct.instance };
        // the client answers an image body as a one-item list
        const image = (answer: unknown): Uint8Array =>
            bytes((Array.isArray(answer) ? answer[0] : answer) as ArrayBuffer);
        const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
        const png = image(await client.retrieveInstanceRendered({ ...uids, mediaTypes: [{ mediaType: 'image/png' }] }));
        expect(Array.from(png.subarray(0, 8))).toEqual(PNG);
        const jpeg = image(await client.retrieveInstanceRendered({ ...uids, mediaTypes: [{ mediaType: 'image/jpeg' }] }));
        expect(Array.from(jpeg.subarray(0, 2))).toEqual([0xff, 0xd8]);
        const thumbnail = image(
            await client.retrieveInstanceThumbnail({ ...uids, mediaTypes: [{ mediaType: 'image/png' }] }),
        );
        expect(Array.from(thumbnail.subarray(0, 8))).toEqual(PNG);
        const frameThumbnail = image(
            await client.retrieveInstanceFramesThumbnail({
                ...uids,
                frameNumbers: [1],
                mediaTypes: [{ mediaType: 'image/png' }],
            }),
        );
        expect(Array.from(frameThumbnail.subarray(0, 8))).toEqual(PNG);
    });

    it('retrieves the pixels of frame 1 (retrieveInstanceFrames)', async () => {
        const frames = (await client.retrieveInstanceFrames({
            studyInstanceUID: ct.study,
            seriesInstanceUID: ct.series,
            sopInstanceUID: ct.instance,
            frameNumbers: [1],
        })) as ArrayBuffer[];
        expect(frames).toHaveLength(1);
        expect(frames[0]!.byteLength).toBe(128 * 128 * 2);
        expect(Buffer.from(bytes(frames[0]!)).equals(Buffer.from(ct.frame))).toBe(true);
    });

    it('retrieves the study metadata (retrieveStudyMetadata)', async () => {
        const metadata = (await client.retrieveStudyMetadata({ studyInstanceUID: ct.study })) as DicomJson[];
        expect(metadata).toHaveLength(1);
        const dataset = metadata[0]!;
        expect(value(dataset, '0020000D')).toBe(ct.study);
        expect(value(dataset, '0020000E')).toBe(ct.series);
        expect(value(dataset, '00080018')).toBe(ct.instance);
        expect(value(dataset, '00280010')).toBe(128); // Rows
        expect(value(dataset, '00280011')).toBe(128); // Columns
        expect(value(dataset, '00280100')).toBe(16); // BitsAllocated
        expect(value(dataset, '00100010')).toEqual({ Alphabetic: ct.patientName });
        // Pixel Data is left out of metadata here (docs/dicom-conformance.md); if given, it must carry its value
        const pixels = dataset['7FE00010'];
        if (pixels) {
            expect(pixels.BulkDataURI ?? pixels.InlineBinary).toBeTruthy();
        }

        const series = (await client.retrieveSeriesMetadata({
            studyInstanceUID: ct.study,
            seriesInstanceUID: ct.series,
        })) as DicomJson[];
        expect(series.map((d) => value(d, '00080018'))).toEqual([ct.instance]);
        const instance = (await client.retrieveInstanceMetadata({
            studyInstanceUID: ct.study,
            seriesInstanceUID: ct.series,
            sopInstanceUID: ct.instance,
        })) as DicomJson[];
        expect(value(instance[0]!, '00080060')).toBe('CT');
    });

    it('has a broken file refused', async () => {
        const broken = new Uint8Array(readFileSync(PYDICOM_TRUNCATED)).slice().buffer;
        const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined); // the client logs the request
        try {
            await expect(client.storeInstances({ datasets: [broken] })).rejects.toMatchObject({ status: 409 });
        } finally {
            quiet.mockRestore();
        }
    });

    it('is refused without a token', async () => {
        const anonymous = new DICOMwebClient({ url: `${baseUrl()}/dicom-web` });
        const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            await expect(anonymous.searchForStudies({ queryParams: { StudyInstanceUID: ct.study } })).rejects.toMatchObject({
                status: 401,
            });
        } finally {
            quiet.mockRestore();
        }
    });
});
