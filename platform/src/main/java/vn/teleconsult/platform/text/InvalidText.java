package vn.teleconsult.platform.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string that cannot be stored (a control character, an unpaired surrogate); answered with 400. */
public class InvalidText extends JsonMappingException {

    private final String reason;

    public InvalidText(JsonParser parser, String reason) {
        super(parser, "Text " + reason);
        this.reason = reason;
    }

    /** What is wrong, e.g. "contains a control character (U+0000)". */
    public String reason() {
        return reason;
    }
}
