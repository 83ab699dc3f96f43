package vn.teleconsult.imaging.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import vn.teleconsult.imaging.dicom.DicomUids;

/**
 * Checks a presenter's viewing state field by field and rebuilds it from the checked values only, so that nothing a
 * client did not mean (unknown fields, huge numbers, control characters) is stored or relayed. The shape is documented
 * in docs/architecture.md ("Review WebSocket protocol").
 */
public final class ViewState {

    /** Most annotations in one viewing state. */
    public static final int MAX_ANNOTATIONS = 50;

    /** Longest free-text annotation, in characters. */
    public static final int MAX_TEXT = 200;

    private static final double MAX_COORDINATE = 100_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> TOP =
            Set.of("studyUid", "seriesUid", "imageIndex", "window", "zoom", "pan", "pointer", "annotations");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ViewState() {}

    /** The state as stored and relayed; throws {@link Invalid} with a reason a client developer can act on. */
    public static ObjectNode checked(JsonNode state) {
        if (state == null || !state.isObject()) {
            throw new Invalid("'state' must be an object.");
        }
        onlyFields(state, TOP, "state");
        ObjectNode out = NODES.objectNode();
        out.put("studyUid", uid(state, "studyUid"));
        if (state.hasNonNull("seriesUid")) {
            out.put("seriesUid", uid(state, "seriesUid"));
        }
        out.put("imageIndex", (int) number(state, "imageIndex", 0, 100_000, true));
        if (state.hasNonNull("window")) {
            JsonNode window = object(state, "window");
            onlyFields(window, Set.of("center", "width"), "window");
            ObjectNode w = out.putObject("window");
            w.put("center", number(window, "center", -100_000, 100_000, false));
            w.put("width", number(window, "width", 1, 200_000, false));
        }
        out.put("zoom", state.has("zoom") ? number(state, "zoom", 0.01, 100, false) : 1.0);
        if (state.hasNonNull("pan")) {
            out.set("pan", point(state, "pan"));
        }
        if (state.hasNonNull("pointer")) {
            out.set("pointer", point(state, "pointer"));
        }
        ArrayNode annotations = out.putArray("annotations");
        if (state.hasNonNull("annotations")) {
            JsonNode list = state.get("annotations");
            if (!list.isArray()) {
                throw new Invalid("'annotations' must be an array.");
            }
            if (list.size() > MAX_ANNOTATIONS) {
                throw new Invalid("At most " + MAX_ANNOTATIONS + " annotations.");
            }
            for (JsonNode a : list) {
                annotations.add(annotation(a));
            }
        }
        return out;
    }

    private static ObjectNode annotation(JsonNode a) {
        if (!a.isObject()) {
            throw new Invalid("Each annotation must be an object.");
        }
        String kind = a.path("kind").asText("");
        ObjectNode out = NODES.objectNode();
        out.put("kind", kind);
        if (a.has("id")) {
            String id = a.get("id").asText("");
            if (!a.get("id").isTextual() || !ID.matcher(id).matches()) {
                throw new Invalid("An annotation id is 1-64 letters, digits, '-' or '_'.");
            }
            out.put("id", id);
        }
        switch (kind) {
            case "arrow" -> {
                onlyFields(a, Set.of("kind", "id", "from", "to"), "arrow");
                out.set("from", point(a, "from"));
                out.set("to", point(a, "to"));
            }
            case "line" -> {
                onlyFields(a, Set.of("kind", "id", "from", "to", "lengthMm"), "line");
                out.set("from", point(a, "from"));
                out.set("to", point(a, "to"));
                out.put("lengthMm", number(a, "lengthMm", 0, 10_000, false));
            }
            case "text" -> {
                onlyFields(a, Set.of("kind", "id", "at", "text"), "text");
                out.set("at", point(a, "at"));
                out.put("text", text(a, "text"));
            }
            default -> throw new Invalid("An annotation's kind is 'arrow', 'line' or 'text'.");
        }
        return out;
    }

    private static ObjectNode point(JsonNode parent, String field) {
        JsonNode p = object(parent, field);
        onlyFields(p, Set.of("x", "y"), field);
        ObjectNode out = NODES.objectNode();
        out.put("x", number(p, "x", -MAX_COORDINATE, MAX_COORDINATE, false));
        out.put("y", number(p, "y", -MAX_COORDINATE, MAX_COORDINATE, false));
        return out;
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isObject()) {
            throw new Invalid("'" + field + "' must be an object.");
        }
        return value;
    }

    private static double number(JsonNode parent, String field, double min, double max, boolean integer) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isNumber() || (integer && !value.canConvertToInt())) {
            throw new Invalid("'" + field + "' must be " + (integer ? "an integer" : "a number") + ".");
        }
        double d = value.asDouble();
        if (!Double.isFinite(d) || d < min || d > max || (integer && value.isFloatingPointNumber())) {
            throw new Invalid("'" + field + "' must be between " + min + " and " + max + ".");
        }
        return d;
    }

    private static String uid(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual() || !DicomUids.isValid(value.asText())) {
            throw new Invalid("'" + field + "' must be a DICOM UID.");
        }
        return value.asText();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual()) {
            throw new Invalid("'" + field + "' must be a string.");
        }
        String s = value.asText();
        if (s.isBlank() || s.codePointCount(0, s.length()) > MAX_TEXT) {
            throw new Invalid("'" + field + "' must be 1-" + MAX_TEXT + " characters.");
        }
        if (s.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new Invalid("'" + field + "' may not hold control characters.");
        }
        return s;
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String what) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new Invalid("Unknown field '" + truncate(name) + "' in " + what + ".");
            }
        }
    }

    private static String truncate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** A viewing state that was refused; the message says why. */
    public static class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
