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

    Recording recording();

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

    /** Recording of sessions whose participants consented (off unless a caller records consent). */
    interface Recording {
        /**
         * Where Janus writes a recorded room's {@code .mjr} files ({@code <dir>/<room id>/}) and the bridge its
         * converted files; Janus and the bridge must see it under the same path (one host, or a shared mount).
         */
        @WithDefault("${teleconsult.home}/recordings")
        String dir();

        /** Janus's converter from {@code .mjr} to playable files (Debian {@code janus-tools}). */
        @WithDefault("janus-pp-rec")
        String converter();

        /** How often recordings of closed rooms are looked for and converted, e.g. {@code 2s}. */
        @WithDefault("2s")
        String checkInterval();

        /** How long one conversion may run before it is abandoned and retried. */
        @WithDefault("PT30M")
        Duration conversionTimeout();
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
