"""Compares the pixels of a retrieved file with its original decoded independently of the server: JPEG and RLE originals
by DCMTK (dcmdjpeg, dcmdrle: IJG libjpeg, the same kind of decoder for lossy JPEG as the JDK's), JPEG 2000 by pydicom
with Pillow (OpenJPEG), uncompressed ones as they are. Lossy JPEG decoders may round differently: TOLERANCE allows it.

usage: same_pixels.py ORIGINAL RETRIEVED TOLERANCE ; prints "same" or what differs, exit 0 when the same
"""
import sys
import numpy
import pydicom

original, retrieved, tolerance = sys.argv[1], sys.argv[2], int(sys.argv[3])
import subprocess
import tempfile



def plain(path):
    """The file, or a copy decompressed by DCMTK when it is JPEG or RLE."""
    ts = str(pydicom.dcmread(path, stop_before_pixels=True).file_meta.TransferSyntaxUID)
    if ts.startswith("1.2.840.10008.1.2.4.5") or ts.startswith("1.2.840.10008.1.2.4.7") or ts == "1.2.840.10008.1.2.5":
        copy = tempfile.NamedTemporaryFile(suffix=".dcm", delete=False).name
        tool = "dcmdrle" if ts == "1.2.840.10008.1.2.5" else "dcmdjpeg"
        subprocess.run([tool, path, copy], check=True)
        return copy
    return path


received_as = str(pydicom.dcmread(retrieved, stop_before_pixels=True).file_meta.TransferSyntaxUID)
original = plain(original)
retrieved = plain(retrieved)
a = pydicom.dcmread(original)
b = pydicom.dcmread(retrieved)
if a.SOPInstanceUID != b.SOPInstanceUID:
    print("other instance", a.SOPInstanceUID, b.SOPInstanceUID)
    sys.exit(1)
pa = a.pixel_array.astype(numpy.int64)
pb = b.pixel_array.astype(numpy.int64)
if pa.shape != pb.shape:
    print("shapes differ", pa.shape, pb.shape)
    sys.exit(1)
diff = int(numpy.abs(pa - pb).max()) if pa.size else 0
if diff > tolerance:
    print("pixels differ by up to", diff)
    sys.exit(1)
print("same", received_as, "max difference", diff)
