package vn.teleconsult.platform.text;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;

/**
 * Sets the one ObjectMapper up to read only text the platform can store: JSON bytes must be well-formed UTF-8
 * ({@link Utf8Check}) and every string passes {@link TextDeserializer}.
 */
@Singleton
public class JsonText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setInputDecorator(new StrictUtf8());
        mapper.registerModule(
                new SimpleModule("teleconsult-text").addDeserializer(String.class, new TextDeserializer()));
    }

    /** Checks JSON given as bytes; JSON given as characters was decoded by someone else already. */
    static final class StrictUtf8 extends InputDecorator {

        @Override
        public InputStream decorate(IOContext context, InputStream in) {
            return new Utf8CheckingStream(in);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] source, int offset, int length) {
            return new Utf8CheckingStream(new ByteArrayInputStream(source, offset, length));
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader;
        }
    }
}
