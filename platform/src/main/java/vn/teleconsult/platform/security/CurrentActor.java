package vn.teleconsult.platform.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The verified caller of the current request and the address the request came from. */
@ApplicationScoped
public class CurrentActor {

    private final Instance<SecurityIdentity> identity;
    private final Instance<CurrentVertxRequest> request;
    private final AuthSettings settings;

    public CurrentActor(
            Instance<SecurityIdentity> identity, Instance<CurrentVertxRequest> request, AuthSettings settings) {
        this.identity = identity;
        this.request = request;
        this.settings = settings;
    }

    /**
     * The caller, or empty outside a request or for anonymous calls. A token whose hospital or user-id claim is
     * unusable answers 401.
     */
    public Optional<Actor> actor() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return actorOf(this.identity.get());
    }

    /**
     * The caller that a verified identity stands for, or empty when anonymous (also for checks that run outside a
     * request context, such as HTTP permission policies). A token whose hospital or user-id claim is unusable is
     * refused.
     */
    public Optional<Actor> actorOf(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        var roles = EnumSet.noneOf(Role.class);
        for (String group : jwt.getGroups()) {
            try {
                roles.add(Role.valueOf(group));
            } catch (IllegalArgumentException unknown) {
                // roles of other applications in an external issuer's token mean nothing here
            }
        }
        var external = settings.external();
        String userId = external.issuer().isPresent() ? claim(jwt, external.userIdClaim()) : jwt.getSubject();
        if (userId == null) {
            throw new AuthenticationFailedException("The token has no user id claim.");
        }
        String hospital =
                claim(jwt, external.issuer().isPresent() ? external.hospitalClaim() : AccessTokens.HOSPITAL_CLAIM);
        try {
            UUID hospitalId = hospital == null ? null : UUID.fromString(hospital);
            return Optional.of(new Actor(userId, jwt.getName(), roles, hospitalId));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("The token's hospital claim is not a hospital id.");
        }
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }

    /** The caller; throws 401 when there is none. */
    public Actor require() {
        return actor().orElseThrow(() -> new UnauthorizedException("Sign in first."));
    }

    /** The client address of the current request (honouring a configured trusted proxy), if any. */
    public Optional<String> remoteAddress() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        var current = request.get().getCurrent();
        if (current == null || current.request().remoteAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(current.request().remoteAddress().hostAddress());
    }
}
