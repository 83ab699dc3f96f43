package vn.teleconsult.imaging.dicomweb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.teleconsult.imaging.dicom.DicomJsonWriter;

/** Builds DICOM JSON (PS3.18 F.2) objects attribute by attribute. */
final class DicomJson {

    private final ObjectNode node = JsonNodeFactory.instance.objectNode();

    ObjectNode node() {
        return node;
    }

    DicomJson string(String tag, String vr, String value) {
        var attribute = node.putObject(tag);
        attribute.put("vr", vr);
        if (value != null && !value.isEmpty()) {
            if ("PN".equals(vr)) {
                var names = attribute.putArray("Value");
                for (String name : value.split("\\\\")) {
                    DicomJsonWriter.personName(names.addObject(), name);
                }
            } else {
                var array = attribute.putArray("Value");
                for (String v : "CS".equals(vr) ? value.split("\\\\") : new String[] {value}) {
                    array.add(v);
                }
            }
        }
        return this;
    }

    DicomJson number(String tag, String vr, Integer value) {
        var attribute = node.putObject(tag);
        attribute.put("vr", vr);
        if (value != null) {
            attribute.putArray("Value").add(value);
        }
        return this;
    }

    DicomJson sequenceItem(String tag, DicomJson item) {
        var attribute =
                node.has(tag) ? (ObjectNode) node.get(tag) : node.putObject(tag).put("vr", "SQ");
        var values = attribute.has("Value")
                ? (com.fasterxml.jackson.databind.node.ArrayNode) attribute.get("Value")
                : attribute.putArray("Value");
        values.add(item.node);
        return this;
    }
}
