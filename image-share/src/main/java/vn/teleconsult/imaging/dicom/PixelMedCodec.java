package vn.teleconsult.imaging.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.display.SourceImage;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The {@link DicomCodec} backed by David Clunie's PixelMed toolkit. */
@ApplicationScoped
public class PixelMedCodec implements DicomCodec {

    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final AttributeTag FLOAT_PIXEL_DATA = new AttributeTag(0x7FE0, 0x0008);
    private static final AttributeTag DOUBLE_FLOAT_PIXEL_DATA = new AttributeTag(0x7FE0, 0x0009);
    private static final AttributeTag AFTER_SOP_INSTANCE_UID = new AttributeTag(0x0008, 0x0019);

    @Override
    public ParsedInstance inspect(Path file) throws InvalidDicom, IOException {
        try {
            return check(file);
        } catch (InvalidDicom e) {
            String[] identity = identity(file);
            throw e.identified(identity[0], identity[1]);
        }
    }

    /**
     * SOP Class and Instance UIDs of a refused file, best effort: from the file meta information, else from the start
     * of an uncompressed data set; nulls when neither can be read.
     */
    private static String[] identity(Path file) {
        try {
            long size = Files.size(file);
            checkPreamble(file, size);
            String sopClass = metaString(file, size, 0x0002);
            String sopInstance = metaString(file, size, 0x0003);
            String transferSyntax = metaString(file, size, 0x0010);
            if ((sopClass == null || sopInstance == null)
                    && transferSyntax != null
                    && !new TransferSyntax(transferSyntax).isDeflated()) {
                var list = new AttributeList();
                try (var in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(file), 16384))) {
                    list.read(in, AFTER_SOP_INSTANCE_UID);
                }
                sopClass = sopClass != null ? sopClass : text(list, TagFromName.SOPClassUID);
                sopInstance = sopInstance != null ? sopInstance : text(list, TagFromName.SOPInstanceUID);
            }
            return new String[] {sopClass, sopInstance};
        } catch (IOException | InvalidDicom | DicomException | RuntimeException | StackOverflowError e) {
            return new String[] {null, null};
        }
    }

    private ParsedInstance check(Path file) throws InvalidDicom, IOException {
        long size = Files.size(file);
        checkPreamble(file, size);
        String transferSyntax = metaTransferSyntax(file, size);
        var ts = new TransferSyntax(transferSyntax);
        if (!ts.isRecognized()) {
            throw new InvalidDicom("The transfer syntax " + transferSyntax + " is not one the store knows.");
        }
        if (ts.isDeflated() || ts.isBzip2ed()) {
            throw new InvalidDicom("Deflated transfer syntaxes are not accepted; send the instance uncompressed"
                    + " or with image compression.");
        }
        var list = new AttributeList();
        long stoppedAt;
        try (var in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(file), 65536))) {
            stoppedAt = list.read(in, TagFromName.PixelData);
        } catch (StackOverflowError e) {
            throw new InvalidDicom("The data set nests sequences too deeply.");
        } catch (DicomException | RuntimeException e) {
            throw new InvalidDicom("The file is not a well-formed DICOM data set.", e);
        } catch (IOException e) {
            throw new InvalidDicom("The DICOM data set ends early (truncated file?).", e);
        }
        String sopInstanceUid = uid(list, TagFromName.SOPInstanceUID, "SOP Instance UID");
        String metaSop = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.MediaStorageSOPInstanceUID);
        if (!metaSop.isEmpty() && !metaSop.trim().equals(sopInstanceUid)) {
            throw new InvalidDicom("The file meta information names another SOP Instance UID than the data set.");
        }
        PixelLayout layout = layout(list, transferSyntax);
        long pixelOffset = -1;
        long pixelLength = -1;
        if (stoppedAt > 0 && stoppedAt < size && isPixelDataTag(file, stoppedAt - 4, layout.bigEndian())) {
            long[] header = pixelHeader(file, stoppedAt, size, transferSyntax, layout.bigEndian());
            pixelOffset = header[0];
            pixelLength = header[1];
            checkPixels(file, size, layout, pixelOffset, pixelLength);
        } else if (layout.rows() > 0 && layout.columns() > 0) {
            throw new InvalidDicom("The image has Rows and Columns but no Pixel Data (truncated file?).");
        }
        return new ParsedInstance(
                uid(list, TagFromName.StudyInstanceUID, "Study Instance UID"),
                uid(list, TagFromName.SeriesInstanceUID, "Series Instance UID"),
                sopInstanceUid,
                uid(list, TagFromName.SOPClassUID, "SOP Class UID"),
                transferSyntax,
                text(list, TagFromName.PatientID),
                text(list, TagFromName.PatientName),
                text(list, TagFromName.PatientBirthDate),
                text(list, TagFromName.PatientSex),
                text(list, TagFromName.StudyDate),
                text(list, TagFromName.StudyTime),
                text(list, TagFromName.AccessionNumber),
                text(list, TagFromName.StudyID),
                text(list, TagFromName.StudyDescription),
                text(list, TagFromName.ReferringPhysicianName),
                text(list, TagFromName.Modality),
                integer(list, TagFromName.SeriesNumber),
                text(list, TagFromName.SeriesDescription),
                integer(list, TagFromName.InstanceNumber),
                layout,
                pixelOffset,
                pixelLength,
                metadata(list));
    }

    @Override
    public PixelLayout layout(Path file) throws InvalidDicom, IOException {
        var list = new AttributeList();
        try (var in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(file), 16384))) {
            list.read(in, TagFromName.PixelData);
            return layout(list, in.getTransferSyntaxToReadDataSet().getUID());
        } catch (DicomException | RuntimeException | StackOverflowError e) {
            throw new InvalidDicom("The stored file cannot be read.", e);
        }
    }

    @Override
    public byte[] decodeFrame(Path file, int frame) throws InvalidDicom, IOException {
        BufferedImage image = sourceImage(file, frame);
        var buffer = image.getRaster().getDataBuffer();
        if (buffer instanceof DataBufferUShort ushort) {
            return shortsToBytes(ushort.getData());
        }
        if (buffer instanceof DataBufferShort signed) {
            return shortsToBytes(signed.getData());
        }
        if (buffer instanceof DataBufferByte bytes) {
            return bytes.getData().clone();
        }
        throw new InvalidDicom("The frame's pixels are of a kind the store cannot decode.");
    }

    @Override
    public BufferedImage renderFrame(Path file, int frame, double windowCenter, double windowWidth)
            throws InvalidDicom, IOException {
        try {
            var list = readWhole(file);
            var source = new SourceImage(list);
            if (frame < 1 || frame > source.getNumberOfFrames()) {
                throw new InvalidDicom("No frame " + frame + " in this instance.");
            }
            BufferedImage raw = source.getBufferedImage(frame - 1);
            if (raw.getColorModel().getNumComponents() > 1
                    || raw.getSampleModel().getSampleSize(0) <= 8) {
                return raw;
            }
            var layout = layout(list, Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID));
            short[] samples = raw.getRaster().getDataBuffer() instanceof DataBufferShort s
                    ? s.getData()
                    : ((DataBufferUShort) raw.getRaster().getDataBuffer()).getData();
            return FrameWindowing.toGray(
                    samples, raw.getWidth(), raw.getHeight(), layout, windowCenter, windowWidth, source.isSigned());
        } catch (DicomException | RuntimeException e) {
            throw new InvalidDicom("The toolkit cannot decode this image.", e);
        }
    }

    private BufferedImage sourceImage(Path file, int frame) throws InvalidDicom, IOException {
        try {
            var source = new SourceImage(readWhole(file));
            if (frame < 1 || frame > source.getNumberOfFrames()) {
                throw new InvalidDicom("No frame " + frame + " in this instance.");
            }
            return source.getBufferedImage(frame - 1);
        } catch (DicomException | RuntimeException e) {
            throw new InvalidDicom("The toolkit cannot decode this image.", e);
        }
    }

    private static AttributeList readWhole(Path file) throws IOException, DicomException {
        var list = new AttributeList();
        try (var in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(file), 65536))) {
            list.read(in);
        }
        return list;
    }

    private static byte[] shortsToBytes(short[] data) {
        var out = ByteBuffer.allocate(data.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.asShortBuffer().put(data);
        return out.array();
    }

    private static void checkPreamble(Path file, long size) throws InvalidDicom, IOException {
        if (size < 132) {
            throw new InvalidDicom("Too short to be a DICOM file.");
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var magic = ByteBuffer.allocate(4);
            channel.read(magic, 128);
            if (!"DICM".equals(new String(magic.array(), java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new InvalidDicom("Not a DICOM Part 10 file (no 'DICM' after the 128-byte preamble).");
            }
        }
    }

    /** The Transfer Syntax UID of the file meta information (group 0002, always explicit VR little endian). */
    private static String metaTransferSyntax(Path file, long size) throws InvalidDicom, IOException {
        String value = metaString(file, size, 0x0010);
        if (value == null) {
            throw new InvalidDicom("The file meta information has no Transfer Syntax UID.");
        }
        return value;
    }

    /** A short string value (at most 64 bytes) of the file meta information (group 0002), or null. */
    private static String metaString(Path file, long size, int wanted) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 132;
            var header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            while (position + 8 <= size && position < 64 * 1024) {
                header.clear();
                channel.read(header, position);
                int group = header.getShort(0) & 0xFFFF;
                int element = header.getShort(2) & 0xFFFF;
                if (group != 0x0002) {
                    break;
                }
                String vr = new String(new byte[] {header.get(4), header.get(5)}, StandardCharsets.US_ASCII);
                long length;
                long valueAt;
                if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")) {
                    length = Integer.toUnsignedLong(header.getInt(8));
                    valueAt = position + 12;
                } else {
                    length = header.getShort(6) & 0xFFFF;
                    valueAt = position + 8;
                }
                if (element == wanted) {
                    if (length > 64 || valueAt + length > size) {
                        return null;
                    }
                    var value = ByteBuffer.allocate((int) length);
                    channel.read(value, valueAt);
                    return new String(value.array(), StandardCharsets.US_ASCII)
                            .replace("\0", "")
                            .trim();
                }
                position = valueAt + length;
            }
        }
        return null;
    }

    private static boolean isPixelDataTag(Path file, long offset, boolean bigEndian) throws IOException {
        var tag = read(file, offset, 4, bigEndian);
        return tag.remaining() == 4 && (tag.getShort(0) & 0xFFFF) == 0x7FE0 && (tag.getShort(2) & 0xFFFF) == 0x0010;
    }

    /** Offset and length of the Pixel Data value, parsed from the element header that follows its tag. */
    private static long[] pixelHeader(Path file, long afterTag, long size, String transferSyntax, boolean bigEndian)
            throws IOException, InvalidDicom {
        boolean explicit = !TransferSyntax.ImplicitVRLittleEndian.equals(transferSyntax);
        var header = read(file, afterTag, explicit ? 8 : 4, bigEndian);
        if (header.remaining() < (explicit ? 8 : 4)) {
            throw new InvalidDicom("The file ends inside the Pixel Data element header (truncated file?).");
        }
        long length = Integer.toUnsignedLong(header.getInt(explicit ? 4 : 0));
        long offset = afterTag + (explicit ? 8 : 4);
        return new long[] {offset, length == UNDEFINED_LENGTH ? -1 : length};
    }

    private static void checkPixels(Path file, long size, PixelLayout layout, long offset, long length)
            throws InvalidDicom, IOException {
        if (layout.encapsulated() != (length < 0)) {
            throw new InvalidDicom(
                    layout.encapsulated()
                            ? "Compressed Pixel Data must be encapsulated (undefined length)."
                            : "Uncompressed Pixel Data must have a defined length.");
        }
        if (length < 0) {
            checkEncapsulatedEnd(file, size, offset);
            return;
        }
        if (offset + length > size) {
            throw new InvalidDicom("The file ends inside Pixel Data (truncated file?).");
        }
        if (layout.bitsAllocated() < 8) {
            return;
        }
        long expected;
        try {
            expected = Math.multiplyExact(
                    Math.multiplyExact(Math.multiplyExact((long) layout.rows(), layout.columns()), layout.frames()),
                    (long) layout.samplesPerPixel() * (layout.bitsAllocated() / 8));
        } catch (ArithmeticException e) {
            expected = Long.MAX_VALUE;
        }
        if (expected > length) {
            throw new InvalidDicom("Pixel Data is shorter than Rows × Columns × Frames × samples needs.");
        }
    }

    /**
     * Walks the items of encapsulated Pixel Data to its sequence delimiter; after it only Data Set Trailing Padding
     * (FFFC,FFFC) may follow (PS3.5 7.5, 8.2), as in files written by some toolkits.
     */
    private static void checkEncapsulatedEnd(Path file, long size, long offset) throws InvalidDicom, IOException {
        long position = offset;
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            while (true) {
                header.clear();
                header.limit(8);
                if (position + 8 > size || channel.read(header, position) < 8) {
                    throw new InvalidDicom("The encapsulated Pixel Data does not end properly (truncated file?).");
                }
                int group = header.getShort(0) & 0xFFFF;
                int element = header.getShort(2) & 0xFFFF;
                long length = Integer.toUnsignedLong(header.getInt(4));
                if (group == 0xFFFE && element == 0xE0DD) {
                    position += 8;
                    break;
                }
                if (group != 0xFFFE
                        || element != 0xE000
                        || length == UNDEFINED_LENGTH
                        || position + 8 + length > size) {
                    throw new InvalidDicom("The encapsulated Pixel Data does not end properly (truncated file?).");
                }
                position += 8 + length;
            }
            if (position == size) {
                return;
            }
            header.clear();
            if (position + 12 <= size && channel.read(header, position) == 12) {
                int group = header.getShort(0) & 0xFFFF;
                int element = header.getShort(2) & 0xFFFF;
                boolean ob = header.get(4) == 'O' && header.get(5) == 'B';
                long length = Integer.toUnsignedLong(header.getInt(8));
                if (group == 0xFFFC && element == 0xFFFC && ob && position + 12 + length == size) {
                    return;
                }
            }
            throw new InvalidDicom("Only Data Set Trailing Padding may follow the encapsulated Pixel Data.");
        }
    }

    private static ByteBuffer read(Path file, long offset, int count, boolean bigEndian) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var buffer = ByteBuffer.allocate(count).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // read until full or end of file
            }
            buffer.flip();
            return buffer;
        }
    }

    private static PixelLayout layout(AttributeList list, String transferSyntax) throws InvalidDicom {
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        if (rows == 0 && columns == 0) {
            return PixelLayout.NONE;
        }
        int frames = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1);
        int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 0);
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bitsAllocated);
        if (rows < 0 || columns < 0 || frames < 1 || samples < 1 || samples > 4) {
            throw new InvalidDicom("Rows, Columns, Number of Frames or Samples per Pixel are out of range.");
        }
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new InvalidDicom("Bits Allocated must be 1, 8, 16 or 32.");
        }
        var ts = new TransferSyntax(transferSyntax.isEmpty() ? TransferSyntax.ExplicitVRLittleEndian : transferSyntax);
        double center = firstDouble(list, TagFromName.WindowCenter);
        double width = firstDouble(list, TagFromName.WindowWidth);
        double slope = firstDouble(list, TagFromName.RescaleSlope);
        double intercept = firstDouble(list, TagFromName.RescaleIntercept);
        return new PixelLayout(
                rows,
                columns,
                frames,
                samples,
                bitsAllocated,
                bitsStored,
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1,
                text(list, TagFromName.PhotometricInterpretation),
                ts.isBigEndian(),
                ts.isEncapsulated(),
                Double.isNaN(slope) ? 1 : slope,
                Double.isNaN(intercept) ? 0 : intercept,
                center,
                width);
    }

    private static double firstDouble(AttributeList list, AttributeTag tag) {
        var attribute = list.get(tag);
        if (attribute == null || attribute.getVM() == 0) {
            return Double.NaN;
        }
        try {
            return attribute.getDoubleValues()[0];
        } catch (DicomException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String uid(AttributeList list, AttributeTag tag, String name) throws InvalidDicom {
        String value = Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
        if (!DicomUids.isValid(value)) {
            throw new InvalidDicom(name + " is missing or not a valid UID.");
        }
        return value;
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, tag).trim();
    }

    private static Integer integer(AttributeList list, AttributeTag tag) {
        var attribute = list.get(tag);
        if (attribute == null || attribute.getVM() == 0) {
            return null;
        }
        try {
            return attribute.getIntegerValues()[0];
        } catch (DicomException | RuntimeException e) {
            return null;
        }
    }

    private static String metadata(AttributeList list) throws InvalidDicom {
        var copy = (AttributeList) list.clone();
        copy.removeGroupLengthAttributes();
        copy.removeMetaInformationHeaderAttributes();
        copy.remove(TagFromName.PixelData);
        copy.remove(FLOAT_PIXEL_DATA);
        copy.remove(DOUBLE_FLOAT_PIXEL_DATA);
        try {
            return DicomJsonWriter.write(copy).toString();
        } catch (DicomException | RuntimeException e) {
            throw new InvalidDicom("The data set cannot be represented as DICOM JSON.", e);
        }
    }
}
