package vn.teleconsult.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of the browser security headers that {@link SecurityHeaders} adds. */
@ConfigMapping(prefix = "teleconsult.security-headers")
public interface SecurityHeadersSettings {

    /** The Strict-Transport-Security value sent on answers to requests that came over TLS. */
    @WithDefault("max-age=31536000")
    String hsts();

    /** Further origins the web pages may connect to, beyond the application and the media servers. */
    Optional<List<String>> connectSrc();
}
