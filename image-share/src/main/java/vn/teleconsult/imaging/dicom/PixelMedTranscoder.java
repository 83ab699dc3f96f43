package vn.teleconsult.imaging.dicom;

import static vn.teleconsult.imaging.dicom.TransferSyntaxes.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
import static vn.teleconsult.imaging.dicom.TransferSyntaxes.JPEG_2000;
import static vn.teleconsult.imaging.dicom.TransferSyntaxes.JPEG_2000_LOSSLESS;
import static vn.teleconsult.imaging.dicom.TransferSyntaxes.JPEG_BASELINE;
import static vn.teleconsult.imaging.dicom.TransferSyntaxes.JPEG_EXTENDED;
import static vn.teleconsult.imaging.dicom.TransferSyntaxes.JPEG_LOSSLESS;
import static vn.teleconsult.imaging.dicom.TransferSyntaxes.JPEG_LOSSLESS_SV1;
import static vn.teleconsult.imaging.dicom.TransferSyntaxes.RLE_LOSSLESS;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link DicomTranscoder} backed by PixelMed: PixelMed decompresses while it reads (RLE and deflate itself; JPEG
 * through the JDK's reader and Debian's pixelmed-imageio lossless reader; JPEG 2000 through jai-imageio-jpeg2000), and
 * writes the data set again in the target syntax.
 */
@ApplicationScoped
public class PixelMedTranscoder implements DicomTranscoder {

    @Override
    public boolean canDecompress(String transferSyntax, PixelLayout layout) {
        if (TransferSyntaxes.isUncompressed(transferSyntax)
                || DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntax)) {
            return true;
        }
        return switch (transferSyntax) {
            case RLE_LOSSLESS -> layout.bitsAllocated() <= 16;
            case JPEG_BASELINE, JPEG_EXTENDED -> layout.bitsAllocated() == 8;
            case JPEG_LOSSLESS, JPEG_LOSSLESS_SV1, JPEG_2000_LOSSLESS, JPEG_2000 -> layout.bitsAllocated() <= 16;
            default -> false;
        };
    }

    @Override
    public void write(Path file, String target, boolean part10, OutputStream out) throws InvalidDicom, IOException {
        if (!DicomTranscoder.isTarget(target)) {
            throw new IllegalArgumentException("not a target transfer syntax: " + target);
        }
        var list = new AttributeList();
        try (var in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(file), 65536))) {
            list.setDecompressPixelData(true);
            list.read(in);
        } catch (DicomException | RuntimeException | StackOverflowError e) {
            throw new InvalidDicom("The pixels of this instance cannot be decoded here.", e);
        }
        try {
            String sourceAe = com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(
                    list, TagFromName.SourceApplicationEntityTitle);
            list.correctDecompressedImagePixelModule();
            list.insertLossyImageCompressionHistoryIfDecompressed();
            list.removeGroupLengthAttributes();
            list.removeMetaInformationHeaderAttributes();
            var buffered = new BufferedOutputStream(new NonClosing(out), 65536);
            if (part10) {
                var meta = new FileMetaInformation(
                                com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(
                                        list, TagFromName.SOPClassUID),
                                com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(
                                        list, TagFromName.SOPInstanceUID),
                                target,
                                sourceAe.isEmpty() ? null : sourceAe)
                        .getAttributeList();
                var dout = new DicomOutputStream(buffered, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN, target);
                meta.write(dout);
                list.write(dout);
                dout.flush();
            } else {
                var dout = new DicomOutputStream(buffered, null, target);
                list.write(dout);
                dout.flush();
            }
            buffered.flush();
        } catch (DicomException e) {
            throw new InvalidDicom("The instance cannot be written in " + target + ".", e);
        }
    }

    @Override
    public long datasetOffset(Path file) throws InvalidDicom, IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long size = channel.size();
            var header = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            long position = 132;
            while (position + 8 <= size) {
                header.clear();
                channel.read(header, position);
                if ((header.getShort(0) & 0xFFFF) != 0x0002) {
                    return position;
                }
                String vr = new String(
                        new byte[] {header.get(4), header.get(5)}, java.nio.charset.StandardCharsets.US_ASCII);
                if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")) {
                    position += 12 + Integer.toUnsignedLong(header.getInt(8));
                } else {
                    position += 8 + (header.getShort(6) & 0xFFFF);
                }
            }
        }
        throw new InvalidDicom("The stored file has no data set after its file meta information.");
    }

    /** Lets the toolkit flush but never close the caller's stream (a multipart body goes on after this part). */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
