package vn.teleconsult.platform.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Reads every JSON string of a request: refuses control characters other than tab and line breaks, and unpaired
 * surrogates (PostgreSQL cannot store NUL; a lone surrogate would be stored as '?'); a {@link Name} is read in NFC.
 */
public class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private final boolean name;

    public TextDeserializer() {
        this(false);
    }

    private TextDeserializer(boolean name) {
        super(String.class);
        this.name = name;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        String problem = TextRules.problem(text, true);
        if (problem != null) {
            throw new InvalidText(parser, problem);
        }
        return name ? TextRules.normalized(text) : text;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        boolean named = property != null && property.getAnnotation(Name.class) != null;
        return named == name ? this : new TextDeserializer(named);
    }
}
