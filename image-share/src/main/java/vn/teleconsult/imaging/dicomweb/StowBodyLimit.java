package vn.teleconsult.imaging.dicomweb;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.teleconsult.imaging.ImagingSettings;

/**
 * Gives STOW-RS its own request size limit ({@code imaging.stow.max-request-bytes}) instead of the application's
 * general {@code quarkus.http.limits.max-body-size}: a declared Content-Length over it is refused at once with 413,
 * and a chunked body is cut off when it passes it. Other endpoints keep the general limit.
 */
@ApplicationScoped
public class StowBodyLimit {

    private static final String PATH = "/dicom-web/studies";
    private static final String DECLARED = "imaging.stow.declared-length";

    private final long limit;

    public StowBodyLimit(ImagingSettings settings) {
        this.limit = settings.stow().maxRequestBytes();
    }

    void routes(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            if (!isStow(ctx.request().method(), ctx.normalizedPath())) {
                ctx.next();
                return;
            }
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null) {
                long length;
                try {
                    length = Long.parseLong(declared.trim());
                } catch (NumberFormatException e) {
                    length = Long.MAX_VALUE;
                }
                if (length > limit || length < 0) {
                    ctx.response()
                            .setStatusCode(413)
                            .putHeader("Content-Type", "application/problem+json")
                            .putHeader("Connection", "close")
                            .end("{\"title\":\"Request too large\",\"status\":413,\"detail\":\"A STOW-RS"
                                    + " request may hold at most " + limit + " bytes; send the study in"
                                    + " several requests.\"}");
                    return;
                }
                // hide the length from the general limit; restored by the next handler
                ctx.put(DECLARED, declared);
                ctx.request().headers().remove("Content-Length");
            }
            ctx.next();
        });
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(ctx -> {
            String declared = ctx.get(DECLARED);
            if (declared != null) {
                ctx.request().headers().set("Content-Length", declared);
            }
            if (isStow(ctx.request().method(), ctx.normalizedPath())) {
                ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
            }
            ctx.next();
        });
    }

    private static boolean isStow(HttpMethod method, String path) {
        return HttpMethod.POST.equals(method) && path != null && path.startsWith(PATH);
    }
}
