package vn.teleconsult.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.TreeSet;

/**
 * Adds the browser security headers to every answer of the application (REST API, FHIR, DICOMweb, the web client,
 * {@code /q}), in one place: a strict Content-Security-Policy without inline script, no framing, no MIME sniffing, no
 * referrer, {@code Cache-Control: no-store} on everything that may hold patient data, and HSTS when the request came
 * over TLS (directly, or through a proxy whose {@code X-Forwarded-Proto} the HTTP settings trust).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Paths whose answers may hold patient data and must never be stored by a browser or proxy. */
    private static final List<String> NO_STORE = List.of("/api/", "/fhir", "/dicom-web", "/q/", "/share/");

    private final String policy;
    private final String hsts;

    public SecurityHeaders(Instance<ConnectSources> sources, SecurityHeadersSettings settings) {
        var connect = new TreeSet<String>();
        sources.forEach(s -> connect.addAll(s.connectSources()));
        settings.connectSrc().ifPresent(connect::addAll);
        this.policy = policy(connect);
        this.hsts = settings.hsts();
    }

    /**
     * The policy: the application's own scripts only, plus WebAssembly compilation for Cornerstone's image codecs;
     * workers from the application or blob URLs; connections to the application (HTTP and WebSocket) and the given
     * origins. Style sheets and style elements come from the application only; style attributes are allowed, because
     * Cornerstone's annotation layer sets them on SVG text (they cannot run script, and images they name still obey
     * img-src).
     */
    static String policy(Iterable<String> connectSources) {
        var connect = new StringBuilder("'self'");
        connectSources.forEach(s -> connect.append(' ').append(s));
        return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; "
                + "style-src-attr 'unsafe-inline'; "
                + "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src " + connect
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The Content-Security-Policy sent with every answer that does not carry a stricter one of its own. */
    public String policy() {
        return policy;
    }

    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, 1000);
    }

    private void addHeaders(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean tls = "https".equalsIgnoreCase(rc.request().scheme());
        rc.addHeadersEndHandler(ignored -> {
            MultiMap headers = rc.response().headers();
            // an answer with a stricter policy of its own (the consult documents' sandbox) keeps it
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", policy);
            }
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (tls) {
                headers.set("Strict-Transport-Security", hsts);
            }
            if (path != null && NO_STORE.stream().anyMatch(path::startsWith)) {
                headers.set("Cache-Control", "no-store");
            }
        });
        rc.next();
    }
}
