#!/usr/bin/python3
"""Writes N small one-instance studies for QIDO benchmarks, packed as STOW-RS bodies of 500 instances each.

Usage: generate_studies.py <out-dir> <studies>
Patients P000000.. (about 3 studies each), Vietnamese family names, study dates spread over 2020-2026, CT/MR/CR/DX.
Prints one line per sample query value: a patient id, a name prefix, a date range, a modality.
"""
import sys, os, random
import numpy as np
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.filebase import DicomBytesIO
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

out, count = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
rng = random.Random(7)
families = ["NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "HUYNH", "PHAN", "VU", "VO", "DANG", "BUI", "DO", "HO", "NGO",
            "DUONG", "LY"]
givens = ["AN", "BINH", "CHI", "DUNG", "HA", "HUNG", "LAN", "MAI", "MINH", "NAM", "PHUONG", "QUAN", "THAO", "TUAN"]
modalities = [("CT", "1.2.840.10008.5.1.4.1.1.2"), ("MR", "1.2.840.10008.5.1.4.1.1.4"),
              ("CR", "1.2.840.10008.5.1.4.1.1.1"), ("DX", "1.2.840.10008.5.1.4.1.1.1.1")]
pixels = np.zeros((16, 16), dtype=np.uint16).tobytes()
per_body, body, n_body = 500, None, 0


def instance(i):
    modality, sop_class = modalities[rng.randrange(len(modalities))]
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyDate = "%04d%02d%02d" % (rng.randint(2020, 2026), rng.randint(1, 12), rng.randint(1, 28))
    ds.StudyTime = "%02d%02d00" % (rng.randint(7, 18), rng.randint(0, 59))
    ds.AccessionNumber = "A%07d" % i
    ds.Modality = modality
    ds.ReferringPhysicianName = ""
    ds.StudyDescription = modality + " STUDY"
    ds.PatientName = "%s^%s" % (families[rng.randrange(len(families))], givens[rng.randrange(len(givens))])
    ds.PatientID = "P%06d" % (i // 3)
    ds.PatientBirthDate = "19%02d0101" % rng.randint(30, 99)
    ds.PatientSex = rng.choice("MF")
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.StudyID = "1"
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = ds.Columns = 16
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.PixelData = pixels
    ds.is_little_endian, ds.is_implicit_VR = True, False
    buffer = DicomBytesIO()
    ds.save_as(buffer, write_like_original=False)
    return buffer.getvalue()


for i in range(count):
    if i % per_body == 0:
        if body:
            body.write(b"--benchboundary--\r\n")
            body.close()
        body = open(os.path.join(out, "%04d.bin" % n_body), "wb")
        n_body += 1
    body.write(b"--benchboundary\r\nContent-Type: application/dicom\r\n\r\n")
    body.write(instance(i))
    body.write(b"\r\n")
body.write(b"--benchboundary--\r\n")
body.close()
