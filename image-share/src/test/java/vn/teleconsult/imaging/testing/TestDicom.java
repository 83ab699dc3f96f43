package vn.teleconsult.imaging.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.teleconsult.imaging.dicom.DicomUids;

/** Builds DICOM test files: real pydicom samples with fresh UIDs, and synthetic CT slices. */
public final class TestDicom {

    public static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private TestDicom() {}

    /** A study's identity for a test; every test makes its own so tests share no data. */
    public record Ids(String patientId, String studyUid, String seriesUid) {
        public static Ids fresh() {
            return new Ids("P" + System.nanoTime(), DicomUids.random(), DicomUids.random());
        }
    }

    /** A real sample file (e.g. CT_small.dcm) given new study/series/instance UIDs and patient id. */
    public static byte[] real(String name, Ids ids, String sopUid) throws Exception {
        var list = new AttributeList();
        list.read(new File(TEST_FILES.resolve(name).toString()));
        String ts = Attribute.getSingleStringValueOrDefault(
                list, TagFromName.TransferSyntaxUID, TransferSyntax.ExplicitVRLittleEndian);
        set(list, TagFromName.StudyInstanceUID, ids.studyUid());
        set(list, TagFromName.SeriesInstanceUID, ids.seriesUid());
        set(list, TagFromName.SOPInstanceUID, sopUid);
        set(list, TagFromName.PatientID, ids.patientId());
        list.removeGroupLengthAttributes();
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, ts, "TESTS");
        return write(list, ts);
    }

    /** A synthetic 16-bit CT slice of the given size (a disc on a background), explicit VR little endian. */
    public static byte[] ct(Ids ids, String sopUid, int instance, int rows, int columns) throws Exception {
        var list = ctHeader(ids, sopUid, instance, rows, columns);
        short[] pixels = new short[rows * columns];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                double dx = x - columns / 2.0;
                double dy = y - rows / 2.0;
                boolean body = dx * dx + dy * dy < (rows * rows) / 5.0;
                pixels[y * columns + x] = (short) (body ? 1024 + 40 + ((x * 7 + y * 3 + instance) % 50) : 0);
            }
        }
        var pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(pixels);
        list.put(pixelData);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TESTS");
        return write(list, TransferSyntax.ExplicitVRLittleEndian);
    }

    public static AttributeList ctHeader(Ids ids, String sopUid, int instance, int rows, int columns) throws Exception {
        var list = new AttributeList();
        set(list, TagFromName.SOPClassUID, SOPClass.CTImageStorage);
        set(list, TagFromName.SOPInstanceUID, sopUid);
        set(list, TagFromName.StudyInstanceUID, ids.studyUid());
        set(list, TagFromName.SeriesInstanceUID, ids.seriesUid());
        set(list, TagFromName.PatientID, ids.patientId());
        set(list, TagFromName.PatientName, "Test^Patient");
        set(list, TagFromName.StudyDate, "20260115");
        set(list, TagFromName.StudyTime, "101500");
        set(list, TagFromName.Modality, "CT");
        set(list, TagFromName.AccessionNumber, "A" + ids.patientId());
        set(list, TagFromName.InstanceNumber, Integer.toString(instance));
        set(list, TagFromName.SeriesNumber, "1");
        set(list, TagFromName.ImageType, "ORIGINAL\\PRIMARY\\AXIAL");
        set(list, TagFromName.SamplesPerPixel, "1");
        set(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        set(list, TagFromName.Rows, Integer.toString(rows));
        set(list, TagFromName.Columns, Integer.toString(columns));
        set(list, TagFromName.BitsAllocated, "16");
        set(list, TagFromName.BitsStored, "16");
        set(list, TagFromName.HighBit, "15");
        set(list, TagFromName.PixelRepresentation, "0");
        set(list, TagFromName.RescaleIntercept, "-1024");
        set(list, TagFromName.RescaleSlope, "1");
        set(list, TagFromName.WindowCenter, "40");
        set(list, TagFromName.WindowWidth, "400");
        set(list, TagFromName.PixelSpacing, "0.7\\0.7");
        set(list, TagFromName.SliceThickness, "1");
        set(list, TagFromName.ImagePositionPatient, "0\\0\\" + instance);
        set(list, TagFromName.ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
        return list;
    }

    public static void set(AttributeList list, AttributeTag tag, String value) throws Exception {
        var attribute = com.pixelmed.dicom.AttributeFactory.newAttribute(tag);
        attribute.addValue(value);
        list.put(attribute);
    }

    public static byte[] write(AttributeList list, String ts) throws Exception {
        var out = new ByteArrayOutputStream();
        list.write(out, ts, true, true);
        return out.toByteArray();
    }

    public static Path temp(byte[] bytes) throws Exception {
        Path file = Files.createTempFile("test-", ".dcm");
        Files.write(file, bytes);
        file.toFile().deleteOnExit();
        return file;
    }
}
