package vn.teleconsult.imaging.dicom;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the module needs of a DICOM toolkit for files at rest: inspect and validate an instance, and decode the frames
 * of compressed ones. The toolkit in use (PixelMed) stays behind this interface.
 */
public interface DicomCodec {

    /** Reads and checks a Part 10 file: identity, indexed attributes, pixel layout, metadata as DICOM JSON. */
    ParsedInstance inspect(Path file) throws InvalidDicom, IOException;

    /** The pixel layout of a stored instance (reads the header only). */
    PixelLayout layout(Path file) throws InvalidDicom, IOException;

    /** One frame (1-based) decoded to native little-endian pixel bytes, for instances stored compressed. */
    byte[] decodeFrame(Path file, int frame) throws InvalidDicom, IOException;

    /** One frame (1-based) as an 8-bit image after the given window (NaN: the instance's own or the full range). */
    BufferedImage renderFrame(Path file, int frame, double windowCenter, double windowWidth)
            throws InvalidDicom, IOException;
}
