package vn.teleconsult.imaging.dicom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.Base64;
import java.util.Set;

/**
 * Writes an attribute list as DICOM JSON (PS3.18 F.2) with Jackson. The toolkit's own writer needs javax.json, which
 * Quarkus removes from the packaged application (quarkus-jsonp excludes it), so we write it ourselves. Binary values
 * (OB, OW, OF, OD, OL, OV, UN) are written inline in base64 (InlineBinary, little endian); the caller leaves Pixel Data
 * out. AT values are 8 hexadecimal digits; PN values keep their alphabetic, ideographic and phonetic groups.
 */
public final class DicomJsonWriter {

    private static final Set<String> BINARY = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "UN");
    private static final Set<String> INTEGERS = Set.of("US", "SS", "UL", "SL", "UV", "SV");
    private static final Set<String> DECIMALS = Set.of("FL", "FD");

    private DicomJsonWriter() {}

    static ObjectNode write(AttributeList list) throws DicomException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Object value : list.values()) {
            var attribute = (Attribute) value;
            AttributeTag tag = attribute.getTag();
            String vr = attribute.getVRAsString();
            ObjectNode out = node.putObject(String.format("%04X%04X", tag.getGroup(), tag.getElement()));
            out.put("vr", vr);
            if (attribute instanceof SequenceAttribute sequence) {
                ArrayNode items = out.putArray("Value");
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    items.add(write(sequence.getItem(i).getAttributeList()));
                }
                continue;
            }
            if (BINARY.contains(vr)) {
                byte[] bytes = attribute.getVL() == 0 ? null : attribute.getByteValues(false);
                if (bytes != null && bytes.length > 0) {
                    out.put("InlineBinary", Base64.getEncoder().encodeToString(bytes));
                }
                continue;
            }
            if (attribute.getVM() == 0) {
                continue;
            }
            if (attribute instanceof AttributeTagAttribute at) {
                ArrayNode tags = out.putArray("Value");
                for (AttributeTag t : at.getAttributeTagValues()) {
                    tags.add(String.format("%04X%04X", t.getGroup(), t.getElement()));
                }
                continue;
            }
            ArrayNode values = out.putArray("Value");
            if (INTEGERS.contains(vr)) {
                for (long v : attribute.getLongValues()) {
                    values.add(v);
                }
            } else if (DECIMALS.contains(vr)) {
                for (double v : attribute.getDoubleValues()) {
                    values.add(v);
                }
            } else {
                for (String v : attribute.getStringValues()) {
                    add(values, vr, v == null ? "" : v.trim());
                }
            }
        }
        return node;
    }

    private static void add(ArrayNode values, String vr, String v) {
        if (v.isEmpty() && !"PN".equals(vr)) {
            values.addNull();
            return;
        }
        switch (vr) {
            case "PN" -> personName(values.addObject(), v);
            case "IS" -> {
                try {
                    values.add(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    values.add(v);
                }
            }
            case "DS" -> {
                try {
                    values.add(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    values.add(v);
                }
            }
            default -> values.add(v);
        }
    }

    /** PS3.18 F.2.2: the component groups of a person name, separated by '=' in the DICOM encoding. */
    public static void personName(ObjectNode name, String value) {
        String[] groups = value.split("=", -1);
        String[] keys = {"Alphabetic", "Ideographic", "Phonetic"};
        for (int i = 0; i < Math.min(groups.length, keys.length); i++) {
            if (!groups[i].isEmpty()) {
                name.put(keys[i], groups[i]);
            }
        }
    }
}
