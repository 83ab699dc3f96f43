package vn.teleconsult.platform.security;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Tells SmallRye JWT which tokens to trust: RS256 only, for the configured audience, signed by the platform's own key
 * and issuer, or, when configured, by an external OpenID Connect issuer's published keys.
 */
@ApplicationScoped
@Startup
@Alternative
@Priority(1)
public class TokenVerification {

    private final SigningKeys keys;
    private final AuthSettings settings;

    public TokenVerification(SigningKeys keys, AuthSettings settings) {
        if (settings.external().issuer().isPresent()
                && settings.external().jwksUrl().isEmpty()) {
            throw new IllegalStateException(
                    "teleconsult.auth.external.jwks-url is required with teleconsult.auth.external.issuer");
        }
        this.keys = keys;
        this.settings = settings;
    }

    @Produces
    @Singleton
    JWTAuthContextInfo contextInfo() {
        var info = new JWTAuthContextInfo();
        var external = settings.external();
        if (external.issuer().isPresent()) {
            info.setIssuedBy(external.issuer().get());
            info.setPublicKeyLocation(external.jwksUrl().orElseThrow());
            info.setGroupsPath(external.rolesClaim());
            info.setExpectedAudience(Set.of(external.audience().orElse(settings.audience())));
        } else {
            info.setExpectedAudience(Set.of(settings.audience()));
            info.setIssuedBy(settings.issuer());
            info.setPublicVerificationKey(keys.publicKey());
        }
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setExpGracePeriodSecs((int) settings.clockSkew().toSeconds());
        info.setMaxTimeToLiveSecs(15L * 60 + settings.clockSkew().toSeconds());
        info.setRequiredClaims(Set.of("sub", "exp", "iat"));
        return info;
    }
}
