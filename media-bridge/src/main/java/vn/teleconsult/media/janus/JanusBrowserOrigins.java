package vn.teleconsult.media.janus;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import vn.teleconsult.media.MediaSettings;
import vn.teleconsult.platform.web.ConnectSources;

/**
 * The origins of the Janus WebSocket addresses that join grants give to browsers ({@code media.servers.*.browser-url}),
 * so that the web pages' Content-Security-Policy lets them connect there and nowhere else.
 */
@ApplicationScoped
public class JanusBrowserOrigins implements ConnectSources {

    private final Set<String> origins;

    public JanusBrowserOrigins(MediaSettings settings) {
        var found = new TreeSet<String>();
        settings.servers().values().forEach(server -> found.add(origin(server.browserUrl())));
        this.origins = Set.copyOf(found);
    }

    @Override
    public Set<String> connectSources() {
        return origins;
    }

    static String origin(URI url) {
        String origin = url.getScheme().toLowerCase() + "://" + url.getHost();
        return url.getPort() < 0 ? origin : origin + ":" + url.getPort();
    }
}
