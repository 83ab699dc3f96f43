package vn.teleconsult.platform.fhir;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets FHIR clients ask for JSON the ways R4 allows: {@code Accept: application/json}, the DSTU2 name
 * {@code application/json+fhir}, or {@code _format=json}, all answered as {@code application/fhir+json}; only the
 * FHIR endpoints produce that type, so each is rewritten before matching rather than listed on every resource.
 */
public class FhirAcceptFilter {

    private static final Set<String> JSON_NAMES =
            Set.of("json", "application/json", "application/json+fhir", "application/fhir+json");

    @ServerRequestFilter(preMatching = true)
    public void acceptJson(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("/fhir") || path.startsWith("/fhir/"))) {
            return;
        }
        String format;
        try {
            format = request.getUriInfo().getQueryParameters().getFirst("_format");
        } catch (IllegalArgumentException e) {
            return; // a malformed query is the endpoint's to refuse
        }
        if (format != null && JSON_NAMES.contains(format.strip().toLowerCase(Locale.ROOT))) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, FhirMedia.JSON);
            return;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null) {
            return;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals("application/json") || type.equals("application/json+fhir")) {
                request.getHeaders().putSingle(HttpHeaders.ACCEPT, FhirMedia.JSON);
                return;
            }
        }
    }
}
