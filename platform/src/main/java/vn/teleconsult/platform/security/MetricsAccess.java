package vn.teleconsult.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may read the operational metrics ({@code /q/metrics}, bound in application.properties): a network administrator
 * (ADMIN without a hospital) or a system client, e.g. the Prometheus that scrapes with a client_credentials token.
 * Anyone else gets 401 without a token and 403 with one.
 */
@ApplicationScoped
public class MetricsAccess implements HttpSecurityPolicy {

    public static final String NAME = "metrics-reader";

    private final CurrentActor current;

    public MetricsAccess(CurrentActor current) {
        this.current = current;
    }

    @Override
    public Uni<CheckResult> checkPermission(
            RoutingContext request, Uni<SecurityIdentity> identity, AuthorizationRequestContext context) {
        return identity.map(this::check);
    }

    private CheckResult check(SecurityIdentity identity) {
        try {
            return current.actorOf(identity)
                    .filter(actor -> actor.isNetworkAdmin() || actor.has(Role.SYSTEM))
                    .map(actor -> CheckResult.PERMIT)
                    .orElse(CheckResult.DENY);
        } catch (AuthenticationFailedException unusableClaims) {
            return CheckResult.DENY;
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
