package vn.teleconsult.platform.fhir;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.teleconsult.platform.problem.Problem;

/**
 * Answers errors under {@code /fhir} as OperationOutcome: every problem that the one {@code ProblemMapper} made (bad
 * input, 401, 403, 404, 409, 500) is turned into the OperationOutcome of the same status, so FHIR clients get FHIR.
 */
public class FhirErrorFilter {

    @ServerResponseFilter
    public void toOperationOutcome(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("/fhir") || path.startsWith("/fhir/")) || !(response.getEntity() instanceof Problem p)) {
            return;
        }
        String text = p.detail() == null ? p.title() : p.title() + ": " + p.detail();
        response.setEntity(
                OperationOutcomes.of(response.getStatus(), text), new Annotation[0], MediaType.valueOf(FhirMedia.JSON));
    }
}
