package vn.teleconsult.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Token settings: issuer, lifetimes, signing key, and an optional external OpenID Connect issuer to trust instead. */
@ConfigMapping(prefix = "teleconsult.auth")
public interface AuthSettings {

    /** Value of the {@code iss} claim of tokens this platform issues. */
    @WithDefault("teleconsult")
    String issuer();

    /** Value of the {@code aud} claim of tokens this platform issues, and the audience its verification requires. */
    @WithDefault("teleconsult")
    String audience();

    /** Lifetime of access tokens; at most 15 minutes. */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    /** Lifetime of refresh tokens (each use rotates the token; the family keeps the first expiry). */
    @WithDefault("PT12H")
    Duration refreshTokenLifetime();

    /** Allowed clock difference between replicas when checking expiry. */
    @WithDefault("PT30S")
    Duration clockSkew();

    /**
     * How many verified access tokens each replica remembers until they expire, so that a token's signature is checked
     * once rather than on every request; 0 checks every request.
     */
    @WithDefault("4096")
    int verifiedTokenCacheSize();

    /**
     * PEM file (PKCS#8) with the RSA private signing key. When absent, a key is generated on first start under
     * {@code <teleconsult.home>/keys/}.
     */
    Optional<Path> signingKeyFile();

    /** Trusting an external OpenID Connect issuer (e.g. Keycloak) instead of the platform's own tokens. */
    External external();

    interface External {
        /** The external issuer's {@code iss}; setting it switches verification to that issuer. */
        Optional<String> issuer();

        /** The issuer's JWKS address, e.g. {@code https://sso.example.vn/realms/teleconsult/protocol/openid-connect/certs}. */
        Optional<String> jwksUrl();

        /**
         * The audience ({@code aud}) the external issuer's tokens must name, e.g. set by a Keycloak audience mapper;
         * {@code teleconsult.auth.audience} when absent.
         */
        Optional<String> audience();

        /** Path of the roles claim in the external token, e.g. {@code realm_access/roles} for Keycloak. */
        @WithDefault("groups")
        String rolesClaim();

        /**
         * Name of the claim holding the TeleConsult user id, e.g. a Keycloak user attribute mapped into the token;
         * {@code sub} when the issuer's subject ids are TeleConsult's.
         */
        @WithDefault("sub")
        String userIdClaim();

        /** Name of the claim holding the user's hospital id. */
        @WithDefault("hospital_id")
        String hospitalClaim();
    }
}
