package vn.teleconsult.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.text.Utf8CheckingStream;

/** Reads and writes FHIR R4 resources (Bundles included) as {@code application/fhir+json} with HAPI's parser. */
@Provider
@Produces({FhirMedia.JSON, MediaType.APPLICATION_JSON})
@Consumes({FhirMedia.JSON, MediaType.APPLICATION_JSON})
public class FhirJsonProvider implements MessageBodyReader<IBaseResource>, MessageBodyWriter<IBaseResource> {

    private final FhirContext context;

    public FhirJsonProvider(FhirContext context) {
        this.context = context;
    }

    @Override
    public boolean isReadable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public IBaseResource readFrom(
            Class<IBaseResource> type,
            Type generic,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws java.io.IOException {
        try {
            var reader = new InputStreamReader(new Utf8CheckingStream(body), StandardCharsets.UTF_8);
            return type.isInterface()
                    ? context.newJsonParser().parseResource(reader)
                    : context.newJsonParser().parseResource(type, reader);
        } catch (DataFormatException | ClassCastException e) {
            throw ProblemException.badRequest(
                    "The body is not a FHIR R4 " + type.getSimpleName() + " in JSON: " + shorten(e.getMessage()));
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            IBaseResource resource,
            Class<?> type,
            Type generic,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws java.io.IOException {
        headers.putSingle("Content-Type", FhirMedia.JSON + ";charset=UTF-8");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        context.newJsonParser().encodeResourceToWriter(resource, writer);
        writer.flush();
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable.";
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
