package vn.teleconsult.imaging.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actions of PS3.15 Table E.1-1 (shipped as the table itself) applied to a data set, recursively into sequences.
 * Where the table offers a choice (X/Z, X/D, Z/D, X/Z/D), the attribute is removed unless a composite IOD needs it:
 * Type 2 attributes are emptied, Type 1 ones get a dummy value (see {@link #choose}). Dates kept under the Modified
 * Dates option are moved by whole days; times of day are kept.
 */
final class ConfidentialityProfile {

    /** One row of the table. */
    record Row(String basic, String modifiedDates, String patientCharacteristics, String device, String institution) {}

    private static final Map<Integer, Row> EXACT = new HashMap<>();
    private static final List<Map.Entry<String, Row>> PATTERNS = new ArrayList<>();
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    /** Attributes a common IOD holds as Type 2: emptied rather than removed when the table leaves the choice. */
    private static final Set<AttributeTag> TYPE_2 = Set.of(
            TagFromName.ContentDate,
            TagFromName.ContentTime,
            TagFromName.ContrastBolusAgent,
            TagFromName.ContentCreatorName,
            TagFromName.PatientSexNeutered,
            TagFromName.ReviewerName,
            new AttributeTag(0x300A, 0x00B2),
            new AttributeTag(0x3008, 0x0105),
            TagFromName.AcquisitionContextSequence,
            TagFromName.PatientID);

    /** Attributes that enhanced multi-frame IODs hold as Type 1: a dummy value there, when the table allows one. */
    private static final Set<AttributeTag> TYPE_1_ENHANCED = Set.of(
            TagFromName.ContentDate,
            TagFromName.ContentTime,
            TagFromName.AcquisitionDateTime,
            TagFromName.DeviceSerialNumber);

    private static final Set<String> BINARY = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "UN");
    private static final AttributeTag SHARED_FUNCTIONAL_GROUPS = new AttributeTag(0x5200, 0x9229);

    static {
        try (var in = ConfidentialityProfile.class.getResourceAsStream("ps3.15-table-e.1-1.tsv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (!f[0].matches("[0-9A-Fx]{8}")) {
                    continue; // private attributes: removed whole, before the table is applied
                }
                var row = new Row(f[1], f[2], f[3], f[4], f[5]);
                if (f[0].contains("x")) {
                    PATTERNS.add(Map.entry(f[0], row));
                } else {
                    EXACT.put(Integer.parseUnsignedInt(f[0], 16), row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Deidentifier.Copy copy;
    private final boolean enhanced;

    ConfidentialityProfile(Deidentifier.Copy copy, AttributeList dataSet) {
        this.copy = copy;
        this.enhanced = dataSet.get(SHARED_FUNCTIONAL_GROUPS) != null;
    }

    /** The table's row for a tag, or null when the table does not list it. */
    static Row row(AttributeTag tag) {
        Row row = EXACT.get((tag.getGroup() << 16) | tag.getElement());
        if (row != null) {
            return row;
        }
        String hex = String.format("%04X%04X", tag.getGroup(), tag.getElement());
        for (var pattern : PATTERNS) {
            if (matches(pattern.getKey(), hex)) {
                return pattern.getValue();
            }
        }
        return null;
    }

    /** The action this copy takes for the attribute: one of X, Z, D, U, K, C (shift dates), R (recurse: U*). */
    String action(AttributeTag tag) {
        Row row = row(tag);
        if (row == null) {
            return "K";
        }
        var options = copy.options();
        if (options.retainModifiedDates() && row.modifiedDates().equals("C")) {
            return "C";
        }
        if ((options.retainPatientCharacteristics()
                        && !row.patientCharacteristics().isEmpty())
                || (options.retainDeviceIdentity() && !row.device().isEmpty())
                || (options.retainInstitutionIdentity() && !row.institution().isEmpty())) {
            return "K";
        }
        return choose(tag, row.basic());
    }

    /** Of the choices the table allows, the one that keeps common IODs valid with the least left in. */
    private String choose(AttributeTag tag, String basic) {
        if (!basic.contains("/")) {
            return basic;
        }
        if (basic.endsWith("U*")) {
            return "R";
        }
        if (basic.contains("D") && enhanced && TYPE_1_ENHANCED.contains(tag)) {
            return "D";
        }
        if (basic.contains("Z") && TYPE_2.contains(tag)) {
            return "Z";
        }
        return basic.substring(0, 1);
    }

    /** Applies the table to the data set and, recursively, to the items of its sequences. */
    void apply(AttributeList list) throws DicomException {
        for (var tag : new ArrayList<>(list.keySet())) {
            var attributeTag = (AttributeTag) tag;
            Attribute attribute = list.get(attributeTag);
            if (attributeTag.isPrivate() || isOverlayOrCurve(attributeTag)) {
                list.remove(attributeTag);
                continue;
            }
            String action = action(attributeTag);
            switch (action) {
                case "X" -> list.remove(attributeTag);
                case "Z" -> list.put(empty(attribute));
                case "D" -> dummy(list, attribute);
                case "U" -> remap(list, attribute);
                case "C" -> shift(list, attribute);
                default -> recurse(attribute);
            }
        }
    }

    private void recurse(Attribute attribute) throws DicomException {
        if (attribute instanceof SequenceAttribute sequence) {
            for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                SequenceItem item = sequence.getItem(i);
                apply(item.getAttributeList());
            }
        }
    }

    private static Attribute empty(Attribute attribute) throws DicomException {
        if (attribute instanceof SequenceAttribute) {
            return new SequenceAttribute(attribute.getTag());
        }
        return newLike(attribute);
    }

    private void dummy(AttributeList list, Attribute attribute) throws DicomException {
        if (attribute instanceof SequenceAttribute) {
            recurse(attribute);
            return;
        }
        String vr = attribute.getVRAsString();
        Attribute replaced = newLike(attribute);
        if (BINARY.contains(vr)) {
            replaced.setValues(new byte[2], false);
            list.put(replaced);
            return;
        }
        replaced.addValue(
                switch (vr) {
                    case "DA" -> "19000101";
                    case "TM" -> "000000";
                    case "DT" -> "19000101000000";
                    case "AS" -> "000Y";
                    case "PN", "AE" -> "ANONYMOUS";
                    case "UI" -> DicomUids.random();
                    case "DS", "IS", "US", "SS", "UL", "SL", "FL", "FD", "UV", "SV" -> "0";
                    default -> "REMOVED";
                });
        list.put(replaced);
    }

    private void remap(AttributeList list, Attribute attribute) throws DicomException {
        if (!"UI".equals(attribute.getVRAsString())) {
            recurse(attribute);
            return;
        }
        Attribute replaced = newLike(attribute);
        for (String value : attribute.getStringValues()) {
            String original = value == null ? "" : value.trim();
            replaced.addValue(original.isEmpty() ? "" : copy.uids().computeIfAbsent(original, o -> DicomUids.random()));
        }
        list.put(replaced);
    }

    private void shift(AttributeList list, Attribute attribute) throws DicomException {
        String vr = attribute.getVRAsString();
        if (vr.equals("TM") || (attribute.getVL() == 0 && !BINARY.contains(vr))) {
            return; // times of day are kept: a shift by whole days leaves them as they were
        }
        if (!vr.equals("DA") && !vr.equals("DT")) {
            basic(list, attribute); // not a date that can be moved (e.g. a binary timestamp)
            return;
        }
        Attribute replaced = newLike(attribute);
        for (String value : attribute.getStringValues()) {
            String v = value == null ? "" : value.trim();
            try {
                if (vr.equals("DA") && v.length() == 8) {
                    replaced.addValue(
                            LocalDate.parse(v, DA).plusDays(copy.shiftDays()).format(DA));
                } else if (vr.equals("DT") && v.length() >= 8) {
                    replaced.addValue(LocalDate.parse(v.substring(0, 8), DA)
                                    .plusDays(copy.shiftDays())
                                    .format(DA)
                            + v.substring(8));
                } else {
                    throw new DateTimeParseException("not a full date", v, 0);
                }
            } catch (DateTimeParseException e) {
                basic(list, attribute); // a value that cannot be shifted gets the Basic profile's action
                return;
            }
        }
        list.put(replaced);
    }

    private void basic(AttributeList list, Attribute attribute) throws DicomException {
        Row row = row(attribute.getTag());
        switch (choose(attribute.getTag(), row == null ? "X" : row.basic())) {
            case "Z" -> list.put(empty(attribute));
            case "D" -> dummy(list, attribute);
            default -> list.remove(attribute.getTag());
        }
    }

    private static Attribute newLike(Attribute attribute) throws DicomException {
        var charset = attribute instanceof StringAttribute s ? s.getSpecificCharacterSet() : null;
        return AttributeFactory.newAttribute(attribute.getTag(), attribute.getVR(), charset);
    }

    private static boolean isOverlayOrCurve(AttributeTag tag) {
        int group = tag.getGroup();
        return (group >= 0x5000 && group <= 0x501E && group % 2 == 0)
                || (group >= 0x6000 && group <= 0x601E && group % 2 == 0);
    }

    private static boolean matches(String pattern, String hex) {
        for (int i = 0; i < 8; i++) {
            if (pattern.charAt(i) != 'x' && pattern.charAt(i) != hex.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
