"""Builds a study of mixed transfer syntaxes from pydicom's test files, with new UIDs (one patient, study, series).

usage: mixed_study.py OUT_DIR PATIENT_ID STUDY_UID UID_ROOT
Writes NAME.dcm for each instance, compressed with DCMTK where pydicom ships no such file, and prints
NAME SOP_INSTANCE_UID TRANSFER_SYNTAX per line.
"""
import subprocess
import sys
import pydicom

D = "/usr/lib/python3/dist-packages/pydicom/data/test_files/"
out, patient, study, root = sys.argv[1:5]

SOURCES = {
    "uncompressed": "CT_small.dcm",
    "rle": "CT_small.dcm",  # dcmcrle
    "jpeg_lossless": "CT_small.dcm",  # dcmcjpeg +e1 (process 14, selection value 1)
    "jpeg_baseline": "SC_rgb_jpeg_dcmtk.dcm",
    "jpeg2000": "MR_small_jp2klossless.dcm",
    "multiframe": "rtdose.dcm",
    "jpeg_ls": "MR_small_jpeg_ls_lossless.dcm",
}

for n, (name, source) in enumerate(SOURCES.items(), start=1):
    ds = pydicom.dcmread(D + source)
    ds.PatientID = patient
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = f"{root}.{n}"
    ds.SOPInstanceUID = f"{root}.{n}.1"
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.SeriesNumber = n
    ds.InstanceNumber = 1
    if (0xFFFC, 0xFFFC) in ds:
        # Data Set Trailing Padding: STOW refuses encapsulated data followed by it (issue 15 item 7, another fix)
        del ds[0xFFFC, 0xFFFC]
    path = f"{out}/{name}.dcm"
    if name in ("rle", "jpeg_lossless"):
        plain = f"{out}/{name}.plain"
        ds.save_as(plain, write_like_original=False)
        tool = ["dcmcrle", plain, path] if name == "rle" else ["dcmcjpeg", "+e1", plain, path]
        subprocess.run(tool, check=True)
        import os
        os.remove(plain)
    else:
        ds.save_as(path, write_like_original=False)
    print(name, ds.SOPInstanceUID, pydicom.dcmread(path, stop_before_pixels=True).file_meta.TransferSyntaxUID)
