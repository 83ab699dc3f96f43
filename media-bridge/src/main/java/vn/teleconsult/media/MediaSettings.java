package vn.teleconsult.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the media bridge: the pool of Janus servers, room limits, grants, TURN and the event secret. */
@ConfigMapping(prefix = "media")
public interface MediaSettings {

    /** The Janus servers by name. */
    Map<String, Server> servers();

    /** Timeout of one request to Janus. */
    @WithDefault("PT5S")
    Duration janusTimeout();

    /** Video bitrate cap per publisher, bit/s; fits provincial links. */
    @WithDefault("512000")
    int bitrate();

    /** Publishers per room. */
    @WithDefault("6")
    int maxPublishers();

    /** How often the Janus servers are checked (keep-alive, failure, recovery), e.g. {@code 1s}. */
    @WithDefault("1s")
    String checkInterval();

    /** How long a join grant may wait to be used. */
    @WithDefault("PT60S")
    Duration grantLifetime();

    /** How long a room stays open with nobody in it. */
    @WithDefault("PT5M")
    Duration emptyGrace();

    /** HTTP Basic password Janus's event handler sends (user {@code janus}); unset refuses every event. */
    Optional<String> eventsSecret();

    Turn turn();

    /** One Janus server. */
    interface Server {
        /** Janus HTTP API, e.g. http://127.0.0.1:8088/janus; only the bridge uses it. */
        URI apiUrl();

        /** Janus admin API, e.g. http://127.0.0.1:7088/admin; never reachable from browsers. */
        URI adminUrl();

        /** The admin secret (also the VideoRoom admin_key); without it the server is never used. */
        Optional<String> adminSecret();

        /** Where browsers reach this server's WebSocket transport, e.g. wss://janus1.example.vn/. */
        URI browserUrl();
    }

    /** ICE servers handed to browsers with each grant. */
    interface Turn {
        /** STUN/TURN URLs, e.g. turn:turn.example.vn:3478?transport=udp; empty means host candidates only. */
        Optional<List<String>> urls();

        /** coturn's static-auth-secret (use-auth-secret); without it no TURN credentials are issued. */
        Optional<String> secret();

        @WithDefault("PT2H")
        Duration credentialLifetime();
    }
}
