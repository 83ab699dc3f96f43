package vn.teleconsult.imaging.dicom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.Set;

/**
 * Writes an attribute list as DICOM JSON (PS3.18 F.2) with Jackson. The toolkit's own writer needs javax.json, which
 * Quarkus removes from the packaged application (quarkus-jsonp excludes it), so we write it ourselves. Bulk data
 * (binary value representations) is left out.
 */
final class DicomJsonWriter {

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
            if (BINARY.contains(vr) || attribute.getVM() == 0) {
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
        switch (vr) {
            case "PN" -> values.addObject().put("Alphabetic", v);
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
}
