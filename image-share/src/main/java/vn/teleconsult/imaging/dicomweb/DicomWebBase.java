package vn.teleconsult.imaging.dicomweb;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public address of the DICOMweb service, for the RetrieveURLs that STOW-RS and QIDO-RS answers carry: from the
 * configured {@code teleconsult.public-base-url}, never from the request's Host header (which the caller chooses).
 */
@ApplicationScoped
public class DicomWebBase {

    private final String base;

    public DicomWebBase(
            @ConfigProperty(name = "teleconsult.public-base-url", defaultValue = "http://localhost:8080")
                    String publicBaseUrl) {
        URI uri = URI.create(publicBaseUrl.trim());
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalStateException(
                    "teleconsult.public-base-url must be an http(s) URL such as https://teleconsult.example.vn");
        }
        this.base = uri.toString().replaceAll("/+$", "") + "/dicom-web";
    }

    /** The DICOMweb root, e.g. {@code https://teleconsult.example.vn/dicom-web}, without a trailing slash. */
    public String root() {
        return base;
    }
}
