package vn.teleconsult.platform.security;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs short-lived RS256 access tokens that carry the user id, roles, hospital, audience and sign-in id; checks its
 * settings at start.
 */
@ApplicationScoped
@Startup
public class AccessTokens {

    /** Claim holding the caller's hospital id. */
    public static final String HOSPITAL_CLAIM = "hospital_id";

    private static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    private final SigningKeys keys;
    private final AuthSettings settings;

    public AccessTokens(SigningKeys keys, AuthSettings settings) {
        if (settings.accessTokenLifetime().compareTo(MAX_LIFETIME) > 0
                || settings.accessTokenLifetime().isNegative()
                || settings.accessTokenLifetime().isZero()) {
            throw new IllegalStateException("teleconsult.auth.access-token-lifetime must be between 1 second and 15"
                    + " minutes, was " + settings.accessTokenLifetime());
        }
        this.keys = keys;
        this.settings = settings;
    }

    /** The token and how many seconds it lives. */
    public record Issued(String token, long expiresIn) {}

    /** Issues a token of a sign-in of its own (a new {@code sid}), such as one client_credentials grant. */
    public Issued issue(String subject, String username, Set<Role> roles, UUID hospitalId) {
        return issue(subject, username, roles, hospitalId, UUID.randomUUID().toString());
    }

    /** Issues a token of the given sign-in ({@code sid}, e.g. a refresh-token family), by which it can be revoked. */
    public Issued issue(String subject, String username, Set<Role> roles, UUID hospitalId, String signIn) {
        return issue(subject, username, roles, hospitalId, signIn, Instant.now(), settings.accessTokenLifetime());
    }

    /** Issues a token with an explicit issue time and lifetime; for tests of expiry. */
    public Issued issue(
            String subject, String username, Set<Role> roles, UUID hospitalId, Instant issuedAt, Duration lifetime) {
        return issue(subject, username, roles, hospitalId, UUID.randomUUID().toString(), issuedAt, lifetime);
    }

    private Issued issue(
            String subject,
            String username,
            Set<Role> roles,
            UUID hospitalId,
            String signIn,
            Instant issuedAt,
            Duration lifetime) {
        var builder = Jwt.issuer(settings.issuer())
                .audience(settings.audience())
                .subject(subject)
                .upn(username)
                .groups(roles.stream().map(Role::name).collect(Collectors.toSet()))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .claim("jti", UUID.randomUUID().toString())
                .claim(RevocationList.SIGN_IN_CLAIM, signIn);
        if (hospitalId != null) {
            builder.claim(HOSPITAL_CLAIM, hospitalId.toString());
        }
        String token = builder.jws().keyId(keys.keyId()).sign(keys.privateKey());
        return new Issued(token, lifetime.toSeconds());
    }
}
