package vn.teleconsult.imaging.dicomweb;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.service.ReceivedPart;
import vn.teleconsult.imaging.storage.InstanceStorage;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * Receives a STOW-RS multipart/related body into temporary files, one per part, checking framing and limits first so
 * that a broken body stores nothing.
 */
@ApplicationScoped
public class StowReader {

    private final InstanceStorage storage;
    private final ImagingSettings settings;

    public StowReader(InstanceStorage storage, ImagingSettings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    /** Reads all parts; on any error deletes what it wrote and throws a 4xx problem. */
    public List<ReceivedPart> read(String contentType, InputStream body) {
        String boundary = checkContentType(contentType);
        var parts = new ArrayList<ReceivedPart>();
        boolean complete = false;
        try {
            var reader = new MultipartRelated(body, boundary);
            if (!reader.start()) {
                throw ProblemException.badRequest("The body has no part with the boundary of its Content-Type.");
            }
            java.util.Map<String, String> headers;
            while ((headers = reader.nextHeaders()) != null) {
                if (parts.size() >= settings.stow().maxParts()) {
                    throw new ProblemException(
                            413, "Too many parts", "At most " + settings.stow().maxParts() + " instances per request.");
                }
                String partType = headers.getOrDefault("content-type", "application/dicom");
                Path temp = storage.newTempFile();
                parts.add(new ReceivedPart(temp, null));
                try (OutputStream out = new Limited(
                        new BufferedOutputStream(Files.newOutputStream(temp), 65536),
                        settings.stow().maxInstanceBytes())) {
                    reader.copyPart(out);
                }
                if (!isDicom(partType)) {
                    parts.set(
                            parts.size() - 1,
                            new ReceivedPart(temp, "The part is " + partType + ", not application/dicom."));
                }
            }
            if (parts.isEmpty()) {
                throw ProblemException.badRequest("The body holds no instance.");
            }
            complete = true;
            return parts;
        } catch (MultipartRelated.Malformed e) {
            throw ProblemException.badRequest("Malformed multipart/related body: " + e.getMessage());
        } catch (MultipartRelated.TooLarge e) {
            throw new ProblemException(413, "Instance too large", e.getMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read to its end: " + e.getMessage());
        } finally {
            if (!complete) {
                delete(parts);
            }
        }
    }

    /** Removes the temporary files of parts not consumed by the store. */
    public void delete(List<ReceivedPart> parts) {
        for (ReceivedPart part : parts) {
            try {
                Files.deleteIfExists(part.file());
            } catch (IOException ignored) {
                // temporary directory is cleaned again at start-up
            }
        }
    }

    private static String checkContentType(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim().startsWith("multipart/related")) {
            throw new ProblemException(
                    415,
                    "Unsupported media type",
                    "STOW-RS takes multipart/related; type=\"application/dicom\" with a boundary.");
        }
        String type = MultipartRelated.param(contentType, "type");
        if (type != null && !isDicom(type)) {
            throw new ProblemException(
                    415,
                    "Unsupported media type",
                    "Only parts of type application/dicom are accepted, not " + type + ".");
        }
        String boundary = MultipartRelated.param(contentType, "boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw ProblemException.badRequest("The Content-Type has no valid boundary parameter.");
        }
        return boundary;
    }

    private static boolean isDicom(String type) {
        return type.toLowerCase(Locale.ROOT).trim().startsWith("application/dicom")
                && !type.toLowerCase(Locale.ROOT).contains("json")
                && !type.toLowerCase(Locale.ROOT).contains("xml");
    }

    /** Fails once more than the limit is written. */
    private static final class Limited extends FilterOutputStream {
        private final long limit;
        private long written;

        Limited(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int n) throws IOException {
            written += n;
            if (written > limit) {
                throw new MultipartRelated.TooLarge("An instance is larger than the limit of " + limit + " bytes.");
            }
        }
    }
}
