#!/usr/bin/python3
"""Writes a synthetic but realistic CT series: N slices of 512x512 16-bit, explicit VR little endian.

Usage: generate_ct.py <out-dir> <slices> [patient-id]
A body ellipse with soft tissue, a spine and lungs, noise, real CT attributes (rescale, window, geometry).
"""
import sys, os, random
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

out, slices = sys.argv[1], int(sys.argv[2])
patient = sys.argv[3] if len(sys.argv) > 3 else "BENCH%06d" % random.randint(0, 999999)
os.makedirs(out, exist_ok=True)
study, series, frame = generate_uid(), generate_uid(), generate_uid()
y, x = np.mgrid[0:512, 0:512]
body = ((x - 256) / 200.0) ** 2 + ((y - 256) / 150.0) ** 2 < 1
rng = np.random.default_rng(1)
for i in range(slices):
    z = i / max(1, slices - 1)
    lungs = (((x - 180) / 60.0) ** 2 + ((y - 230) / (80.0 * (0.6 + 0.4 * z))) ** 2 < 1) | \
            (((x - 332) / 60.0) ** 2 + ((y - 230) / (80.0 * (0.6 + 0.4 * z))) ** 2 < 1)
    spine = ((x - 256) / 22.0) ** 2 + ((y - 350) / 22.0) ** 2 < 1
    hu = np.full((512, 512), -1000.0)
    hu[body] = 40
    hu[lungs & body] = -850
    hu[spine] = 700
    hu += rng.normal(0, 12, hu.shape)
    pixels = np.clip(hu + 1024, 0, 4095).astype(np.uint16)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = "20260115"
    ds.StudyTime = ds.SeriesTime = ds.ContentTime = "101500"
    ds.AccessionNumber = "ACC" + patient
    ds.Modality = "CT"
    ds.Manufacturer = "TeleConsult bench"
    ds.ReferringPhysicianName = ""
    ds.StudyDescription = "CT CHEST"
    ds.SeriesDescription = "AXIAL 1.0"
    ds.PatientName = "Bench^Patient"
    ds.PatientID = patient
    ds.PatientBirthDate = "19700101"
    ds.PatientSex = "O"
    ds.SliceThickness = "1.0"
    ds.KVP = "120"
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.StudyID = "1"
    ds.SeriesNumber = 2
    ds.InstanceNumber = i + 1
    ds.ImagePositionPatient = ["-179.6", "-179.6", "%.1f" % (-i * 1.0)]
    ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    ds.FrameOfReferenceUID = frame
    ds.PositionReferenceIndicator = ""
    ds.SliceLocation = "%.1f" % (-i * 1.0)
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = ds.Columns = 512
    ds.PixelSpacing = ["0.7", "0.7"]
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.WindowCenter = "40"
    ds.WindowWidth = "400"
    ds.RescaleIntercept = "-1024"
    ds.RescaleSlope = "1"
    ds.RescaleType = "HU"
    ds.PixelData = pixels.tobytes()
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(os.path.join(out, "CT%04d.dcm" % (i + 1)), write_like_original=False)
print(study, series, patient)
