package vn.teleconsult.imaging.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Re-encodes stored instances in another transfer syntax: decompresses RLE, JPEG (baseline, 8-bit extended, lossless),
 * JPEG 2000 and deflated instances to Explicit or Implicit VR Little Endian, one instance at a time. The toolkit that
 * does it stays behind this interface.
 */
public interface DicomTranscoder {

    /** Explicit VR Little Endian and Implicit VR Little Endian: what {@link #write} can produce. */
    static boolean isTarget(String transferSyntax) {
        return TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntax)
                || TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntax);
    }

    /**
     * Whether an instance stored in {@code transferSyntax} with this pixel layout can be written uncompressed. False
     * for JPEG-LS, 12-bit JPEG, RLE of more than 16 bits per sample and every syntax without a decoder here.
     */
    boolean canDecompress(String transferSyntax, PixelLayout layout);

    /**
     * Writes the stored instance in {@code target} (Explicit or Implicit VR Little Endian): a Part 10 file with file
     * meta information when {@code part10}, the bare data set (as C-STORE sends it) otherwise. Lossy compression is
     * recorded in Lossy Image Compression (0028,2110). Holds this one instance in memory.
     *
     * @throws InvalidDicom when the pixels cannot be decoded; nothing has been written to {@code out} then
     */
    void write(Path file, String target, boolean part10, OutputStream out) throws InvalidDicom, IOException;

    /** The file offset of the data set, after the file meta information (for sending an instance as stored). */
    long datasetOffset(Path file) throws InvalidDicom, IOException;
}
