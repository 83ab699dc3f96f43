// Test data for the consult journeys: a folder holding a small real CT series (made from pydicom's CT_small.dcm with
// fresh study, series and instance UIDs, by Debian's python3-pydicom) and one file that is not DICOM.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';

const MAKE_SERIES = `
import os, sys
import pydicom
from pydicom.uid import generate_uid
src = '/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm'
out, count, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
study, series = generate_uid(), generate_uid()
for i in range(count):
    ds = pydicom.dcmread(src)
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    uid = generate_uid()
    ds.SOPInstanceUID = uid
    ds.file_meta.MediaStorageSOPInstanceUID = uid
    ds.InstanceNumber = i + 1
    ds.PatientName = name
    ds.PatientID = 'E2E-' + study[-8:]
    ds.StudyDescription = 'CT SO NAO'
    ds.save_as(os.path.join(out, 'IM%04d.dcm' % (i + 1)))
print(study)
`;

export interface StudyFolder {
    readonly dir: string;
    readonly studyUid: string;
    /** The Patient ID written into the files. */
    readonly patientId: string;
    readonly dicomFiles: number;
    readonly notDicom: string;
}

/** Where the folders go: the build's own directory, removed with it (not /tmp, where they would pile up). */
const TARGET = fileURLToPath(new URL('../target/e2e-studies/', import.meta.url));

/** A new folder with `count` CT slices of one new study and a text file that is not DICOM. */
export function ctStudyFolder(count: number, patientName: string): StudyFolder {
    mkdirSync(TARGET, { recursive: true });
    const dir = mkdtempSync(join(TARGET, 'study-'));
    const studyUid = execFileSync(PYTHON, ['-c', MAKE_SERIES, dir, String(count), patientName], { encoding: 'utf8' }).trim();
    const notDicom = 'GHI-CHU.txt';
    writeFileSync(join(dir, notDicom), 'Ghi chú của kỹ thuật viên: phim chụp lúc 14:00.\n');
    return { dir, studyUid, patientId: `E2E-${studyUid.slice(-8)}`, dicomFiles: count, notDicom };
}

/** A random suffix so that every run's patient is its own. */
export function runTag(): string {
    return Math.random().toString(36).slice(2, 7).toUpperCase();
}
