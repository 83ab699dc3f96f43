#!/usr/bin/python3
"""Packs the .dcm files of a folder into STOW-RS multipart/related bodies of N instances each."""
import sys, os
src, out, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
files = sorted(f for f in os.listdir(src) if f.endswith(".dcm"))
for n in range(0, len(files), per):
    with open(os.path.join(out, "%04d.bin" % (n // per)), "wb") as body:
        for name in files[n:n + per]:
            body.write(b"--benchboundary\r\nContent-Type: application/dicom\r\n\r\n")
            with open(os.path.join(src, name), "rb") as f:
                body.write(f.read())
            body.write(b"\r\n")
        body.write(b"--benchboundary--\r\n")
