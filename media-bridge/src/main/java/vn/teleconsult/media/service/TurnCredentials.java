package vn.teleconsult.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.teleconsult.media.MediaSettings;

/**
 * Issues time-limited TURN credentials in coturn's REST-API style: user name {@code <expiry unix time>:<user id>},
 * password the Base64 HMAC-SHA1 of that name under coturn's {@code static-auth-secret}.
 */
@ApplicationScoped
public class TurnCredentials {

    private final MediaSettings.Turn settings;
    private final Clock clock;

    @Inject
    public TurnCredentials(MediaSettings settings) {
        this(settings.turn(), Clock.systemUTC());
    }

    TurnCredentials(MediaSettings.Turn settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The ICE servers for one user; TURN URLs carry credentials only when a secret is configured. */
    public List<IceServer> iceServers(String userId) {
        List<String> urls = settings.urls().orElse(List.of());
        if (urls.isEmpty()) {
            return List.of();
        }
        if (settings.secret().isEmpty()) {
            return List.of(new IceServer(urls, null, null));
        }
        long expiry = clock.instant().plus(settings.credentialLifetime()).getEpochSecond();
        String username = expiry + ":" + userId;
        return List.of(new IceServer(urls, username, sign(settings.secret().get(), username)));
    }

    static String sign(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
