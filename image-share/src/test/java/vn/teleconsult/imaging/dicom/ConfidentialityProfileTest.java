package vn.teleconsult.imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.testing.Commands;
import vn.teleconsult.imaging.testing.Pydicom;
import vn.teleconsult.imaging.testing.TestDicom;

/**
 * De-identified copies against PS3.15 Table E.1-1 (2024b, shipped as the table itself): an instance holding a value
 * for every attribute of the table is de-identified, and each attribute is checked against the action the standard
 * names for it; real sample files of every common transfer syntax keep their pixel data and gain no dciodvfy errors.
 */
class ConfidentialityProfileTest {

    private static final Path TABLE = Path.of("src/main/resources/vn/teleconsult/imaging/dicom/ps3.15-table-e.1-1.tsv");
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Set<String> STRINGS = Set.of(
            "AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT");
    private static final Set<String> NUMBERS = Set.of("FL", "FD", "SL", "SS", "UL", "US");

    /** One row of the standard's table: tag, Basic profile action, action under the Modified Dates option. */
    private record Row(AttributeTag tag, String basic, String modifiedDates, String name) {}

    private final PixelMedDeidentifier deidentifier = new PixelMedDeidentifier();

    @Test
    void shouldApplyTheBasicProfileToEveryAttributeOfTableE11() throws Exception {
        walkTheTable(Deidentifier.Options.BASIC);
    }

    @Test
    void shouldShiftDatesByOneOffsetPerCopyUnderTheModifiedDatesOption() throws Exception {
        walkTheTable(Deidentifier.Options.MODIFIED_DATES);
    }

    private void walkTheTable(Deidentifier.Options options) throws Exception {
        var rows = table();
        assertTrue(rows.size() > 600, "the table has " + rows.size() + " rows");
        var input = new AttributeList();
        input.read(new File(TestDicom.TEST_FILES.resolve("CT_small.dcm").toString()));
        var held = new ArrayList<Row>();
        for (Row row : rows) {
            if (fill(input, row.tag())) {
                held.add(row);
            }
        }
        var creator = AttributeFactory.newAttribute(new AttributeTag(0x0009, 0x0010));
        creator.addValue("ACME 1.1");
        input.put(creator);
        var secret = new com.pixelmed.dicom.LongStringAttribute(new AttributeTag(0x0009, 0x1001));
        secret.addValue("private patient data");
        input.put(secret);
        input.removeGroupLengthAttributes();
        input.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(input, "1.2.840.10008.1.2.1", "TESTS");
        Path in = Files.createTempFile("table-in-", ".dcm");
        input.write(in.toFile(), "1.2.840.10008.1.2.1", true, true);
        var written = new AttributeList();
        written.read(in.toFile());

        var copy = Deidentifier.Copy.start(options);
        Path out = Files.createTempFile("table-out-", ".dcm");
        deidentifier.deidentify(in, out, copy);
        var result = new AttributeList();
        result.read(out.toFile());

        var failures = new ArrayList<String>();
        int checked = 0;
        for (Row row : held) {
            Attribute before = written.get(row.tag());
            if (before == null) {
                continue;
            }
            checked++;
            String expected =
                    options.retainModifiedDates() && row.modifiedDates().equals("C") ? "C" : row.basic();
            String problem = check(expected, row.basic(), before, result.get(row.tag()), copy);
            if (problem != null) {
                failures.add(row.name() + " " + row.tag() + " (" + expected + "): " + problem);
            }
        }
        assertTrue(checked > 400, "only " + checked + " attributes of the table were held by the input");
        assertTrue(
                failures.isEmpty(),
                failures.size() + " attributes not de-identified as the table says:\n" + String.join("\n", failures));

        assertNull(result.get(new AttributeTag(0x0009, 0x1001)), "private attributes are removed");
        assertEquals("YES", Attribute.getSingleStringValueOrEmptyString(result, TagFromName.PatientIdentityRemoved));
        assertEquals(copy.pseudonym(), Attribute.getSingleStringValueOrEmptyString(result, TagFromName.PatientID));
        var codes = new ArrayList<String>();
        var methods = (SequenceAttribute) result.get(TagFromName.DeidentificationMethodCodeSequence);
        for (int i = 0; i < methods.getNumberOfItems(); i++) {
            codes.add(Attribute.getSingleStringValueOrEmptyString(
                    methods.getItem(i).getAttributeList(), TagFromName.CodeValue));
        }
        assertEquals(options.retainModifiedDates() ? List.of("113100", "113107") : List.of("113100"), codes);
        assertEquals(
                options.retainModifiedDates() ? "MODIFIED" : "REMOVED",
                Attribute.getSingleStringValueOrEmptyString(result, new AttributeTag(0x0028, 0x0303)));
    }

    @Test
    void shouldKeepOneShiftAndOneUidMappingWithinACopy() throws Exception {
        var copy = Deidentifier.Copy.start(Deidentifier.Options.MODIFIED_DATES);
        assertNotEquals(0, copy.shiftDays());
        var ids = TestDicom.Ids.fresh();
        var outputs = new ArrayList<AttributeList>();
        for (int n = 1; n <= 2; n++) {
            Path in = TestDicom.temp(TestDicom.ct(ids, DicomUids.random(), n, 8, 8));
            Path out = Files.createTempFile("copy-", ".dcm");
            deidentifier.deidentify(in, out, copy);
            var list = new AttributeList();
            list.read(out.toFile());
            outputs.add(list);
        }
        String shifted =
                LocalDate.parse("20260115", DA).plusDays(copy.shiftDays()).format(DA);
        for (var list : outputs) {
            assertEquals(shifted, Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyDate));
            assertEquals("101500", Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyTime));
            assertEquals(
                    copy.uids().get(ids.studyUid()),
                    Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID));
        }
        var other = Deidentifier.Copy.start(Deidentifier.Options.MODIFIED_DATES);
        assertTrue(!other.pseudonym().equals(copy.pseudonym()), "each copy has its own pseudonym");
    }

    @Test
    void shouldKeepEachTransferSyntaxAndPixelDataAndAddNoDciodvfyErrors() throws Exception {
        var problems = new ArrayList<String>();
        for (String name :
                List.of("CT_small.dcm", "MR_small_RLE.dcm", "SC_rgb_jpeg_dcmtk.dcm", "JPEG2000.dcm", "rtdose.dcm")) {
            for (var options : List.of(Deidentifier.Options.BASIC, Deidentifier.Options.MODIFIED_DATES)) {
                Path in = TestDicom.TEST_FILES.resolve(name);
                Path out = Files.createTempFile("deid-", ".dcm");
                out.toFile().deleteOnExit();
                deidentifier.deidentify(in, out, Deidentifier.Copy.start(options));
                var newErrors = Commands.dciodvfyNewErrors(in, out);
                if (!newErrors.isEmpty()) {
                    problems.add(name + " " + options + ": dciodvfy " + newErrors);
                }
                String same = Pydicom.run(
                        """
                        import sys, pydicom
                        from pydicom.encaps import generate_pixel_data_frame
                        a, b = pydicom.dcmread(sys.argv[1]), pydicom.dcmread(sys.argv[2])
                        ts = a.file_meta.TransferSyntaxUID
                        frames = lambda d: list(generate_pixel_data_frame(d.PixelData, int(d.get('NumberOfFrames', 1)))) \
                            if ts.is_compressed else [d.PixelData]
                        print(ts == b.file_meta.TransferSyntaxUID, frames(a) == frames(b))
                        """,
                        in.toString(),
                        out.toString());
                if (!same.trim().equals("True True")) {
                    problems.add(name + " " + options + ": transfer syntax and pixel data kept? " + same.trim());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Null when the attribute after de-identification is what the action allows, else what is wrong. */
    private static String check(
            String expected, String basic, Attribute before, Attribute after, Deidentifier.Copy copy) throws Exception {
        if (expected.equals("C")) {
            String vr = before.getVRAsString();
            // a date moves by the copy's shift, a time of day stays; anything else gets the Basic profile's action
            return vr.equals("DA") || vr.equals("DT") || vr.equals("TM")
                    ? shifted(before, after, copy)
                    : check(basic, basic, before, after, copy);
        }
        if (expected.equals("X/Z/U*")) {
            return after == null || after.getVL() == 0 || !sameValue(before, after) ? null : "kept unchanged";
        }
        var allowed = new ArrayList<String>();
        for (String action : expected.split("/")) {
            String problem = single(action, before, after, copy);
            if (problem == null) {
                return null;
            }
            allowed.add(problem);
        }
        return String.join("; ", allowed);
    }

    private static String single(String action, Attribute before, Attribute after, Deidentifier.Copy copy)
            throws Exception {
        return switch (action) {
            case "X" -> after == null ? null : "not removed";
            case "Z" -> after != null && (isEmpty(after) || !sameValue(before, after)) ? null : "not emptied";
            case "D" ->
                after != null && (after instanceof SequenceAttribute || (!isEmpty(after) && !sameValue(before, after)))
                        ? null
                        : "no dummy value";
            case "U" -> {
                if (after == null) {
                    yield "UID removed";
                }
                String original = before.getSingleStringValueOrEmptyString();
                String now = after.getSingleStringValueOrEmptyString();
                yield DicomUids.isValid(now)
                                && !now.equals(original)
                                && now.equals(copy.uids().get(original))
                        ? null
                        : "UID not replaced consistently";
            }
            default -> "unknown action " + action;
        };
    }

    private static String shifted(Attribute before, Attribute after, Deidentifier.Copy copy) throws Exception {
        String vr = before.getVRAsString();
        String original = before.getSingleStringValueOrEmptyString();
        String now = after == null ? null : after.getSingleStringValueOrEmptyString();
        String want =
                switch (vr) {
                    case "DA" ->
                        LocalDate.parse(original, DA).plusDays(copy.shiftDays()).format(DA);
                    case "DT" ->
                        LocalDate.parse(original.substring(0, 8), DA)
                                        .plusDays(copy.shiftDays())
                                        .format(DA)
                                + original.substring(8);
                    default -> original; // a time of day is kept: dates move by whole days
                };
        return want.equals(now) ? null : "expected " + want + ", was " + now;
    }

    private static boolean isEmpty(Attribute a) {
        return a instanceof SequenceAttribute s ? s.getNumberOfItems() == 0 : a.getVL() == 0;
    }

    private static boolean sameValue(Attribute a, Attribute b) throws Exception {
        if (a instanceof SequenceAttribute) {
            return a.toString().equals(b.toString());
        }
        if (Set.of("OB", "OW", "OF", "OD", "OL", "OV", "UN").contains(a.getVRAsString())) {
            return java.util.Arrays.equals(a.getByteValues(false), b.getByteValues(false));
        }
        return a.getDelimitedStringValuesOrEmptyString().equals(b.getDelimitedStringValuesOrEmptyString());
    }

    /** Gives the attribute a value unless the sample already holds one; false when it cannot be made. */
    private static boolean fill(AttributeList list, AttributeTag tag) throws Exception {
        int group = tag.getGroup();
        if (group == 0x0000 || group == 0x0002 || group == 0x0004 || group >= 0xFFFA) {
            return false;
        }
        Attribute existing = list.get(tag);
        if (existing != null && !isEmpty(existing)) {
            return true;
        }
        byte[] vrBytes = DicomDictionary.StandardDictionary.getValueRepresentationFromTag(tag);
        if (vrBytes == null) {
            return false;
        }
        String vr = new String(vrBytes, StandardCharsets.US_ASCII);
        Attribute attribute;
        if (vr.equals("SQ")) {
            var sequence = new SequenceAttribute(tag);
            var item = new AttributeList();
            var meaning = AttributeFactory.newAttribute(TagFromName.CodeMeaning);
            meaning.addValue("identifying meaning");
            item.put(meaning);
            sequence.addItem(item);
            attribute = sequence;
        } else if (vr.equals("OB") || vr.equals("UN")) {
            var ob = new OtherByteAttribute(tag);
            ob.setValues(new byte[] {1, 2, 3, 4});
            attribute = ob;
        } else if (vr.equals("OW")) {
            var ow = new OtherWordAttribute(tag);
            ow.setValues(new short[] {1, 2});
            attribute = ow;
        } else if (STRINGS.contains(vr) || NUMBERS.contains(vr)) {
            attribute = AttributeFactory.newAttribute(tag, vrBytes);
            attribute.addValue(
                    switch (vr) {
                        case "AE" -> "STATION1";
                        case "AS" -> "045Y";
                        case "CS" -> "IDENT";
                        case "DA" -> "20260115";
                        case "DT" -> "20260115101500";
                        case "TM" -> "101500";
                        case "DS", "FL", "FD" -> "1.5";
                        case "IS", "SL", "SS", "UL", "US" -> "7";
                        case "PN" -> "Doe^John";
                        case "UI" -> DicomUids.random();
                        case "UR" -> "http://example.test/identifying";
                        default -> "identifying text";
                    });
        } else {
            return false;
        }
        list.put(attribute);
        return true;
    }

    private static List<Row> table() throws Exception {
        var rows = new ArrayList<Row>();
        for (String line : Files.readAllLines(TABLE)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!f[0].matches("[0-9A-F]{8}")) {
                continue; // ranges (curves, overlays) and private attributes are checked elsewhere
            }
            rows.add(new Row(
                    new AttributeTag(
                            Integer.parseInt(f[0].substring(0, 4), 16), Integer.parseInt(f[0].substring(4), 16)),
                    f[1],
                    f[2],
                    f[6]));
        }
        return rows;
    }
}
