package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.AuthSettings;
import vn.teleconsult.platform.security.Role;

/**
 * The OAuth 2.0 token endpoint's logic: password, client_credentials and refresh_token grants, and revocation.
 *
 * <p>Not one transaction: a failed sign-in must still be counted and audited, so each step commits on its own.
 */
@ApplicationScoped
public class TokenService {

    private static final String WRONG_CREDENTIALS = "Wrong user name or password.";
    private static final String BAD_REFRESH = "The refresh token is invalid, expired or revoked; sign in again.";

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final SystemClients clients;
    private final AuditTrail audit;
    private final AuthSettings settings;

    public TokenService(
            Accounts accounts,
            PasswordHasher hasher,
            LoginThrottle throttle,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            SystemClients clients,
            AuditTrail audit,
            AuthSettings settings) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.clients = clients;
        this.audit = audit;
        this.settings = settings;
    }

    public TokenResponse grant(TokenRequest request, String address) {
        if (blank(request.grantType())) {
            throw OAuthException.invalidRequest("grant_type is required.");
        }
        var external = settings.external().issuer();
        if (external.isPresent()) {
            // tokens issued here would not be trusted: verification follows the external issuer
            throw new OAuthException(
                    400,
                    "unsupported_grant_type",
                    "Sign in through " + external.get() + "; this server issues no tokens.");
        }
        if (!"client_credentials".equals(request.grantType()) && !blank(request.clientSecret())) {
            refuseClientGrant(request, address);
        }
        return switch (request.grantType()) {
            case "password" -> password(request.username(), request.password(), address);
            case "client_credentials" -> clientCredentials(request.clientId(), request.clientSecret(), address);
            case "refresh_token" -> refresh(request.refreshToken(), address);
            default ->
                throw new OAuthException(
                        400,
                        "unsupported_grant_type",
                        "grant_type must be password, client_credentials or refresh_token.");
        };
    }

    private TokenResponse password(String username, String password, String address) {
        if (blank(username) || blank(password)) {
            throw OAuthException.invalidRequest("username and password are required.");
        }
        if (username.length() > 200 || password.length() > 1000) {
            throw OAuthException.invalidRequest("username or password is too long.");
        }
        refuseWhilePaused(username, address);
        var account = accounts.byUsername(username);
        boolean ok;
        if (account.isEmpty()) {
            hasher.burnCheck(password);
            ok = false;
        } else {
            ok = hasher.matches(password, account.get().passwordHash())
                    && account.get().enabled();
        }
        if (!ok) {
            throttle.recordFailure(username, address);
            // an unknown user name may be a password typed into the wrong field: never keep it
            audit.record(
                    new AuditEntry(
                            AuditAction.LOGIN,
                            "User",
                            null,
                            null,
                            AuditOutcome.FAILED,
                            account.isEmpty() ? "grant=password; unknown user name" : "grant=password"),
                    account.map(a -> actorOf(a)).orElse(null),
                    address);
            // RFC 6749 section 5.2: a wrong resource owner password is invalid_grant, answered 400
            throw new OAuthException(400, "invalid_grant", WRONG_CREDENTIALS);
        }
        Account a = account.get();
        throttle.recordSuccess(username, address);
        var signIn = refreshTokens.startFamily(a.id());
        var access = accessTokens.issue(
                a.id().toString(),
                a.username(),
                a.roles(),
                a.hospitalId(),
                signIn.signIn().toString());
        audit.record(AuditEntry.of(AuditAction.LOGIN, "User", a.id()).detail("grant=password"), actorOf(a), address);
        return new TokenResponse(access.token(), "Bearer", access.expiresIn(), signIn.token());
    }

    private TokenResponse clientCredentials(String clientId, String secret, String address) {
        var c = authenticateClient(clientId, secret, address);
        var access = accessTokens.issue("client:" + c.clientId(), c.clientId(), Set.of(Role.SYSTEM), c.hospitalId());
        audit.record(
                AuditEntry.of(AuditAction.LOGIN, "SystemClient", c.clientId()).detail("grant=client_credentials"),
                new Actor("client:" + c.clientId(), c.clientId(), Set.of(Role.SYSTEM), c.hospitalId()),
                address);
        return new TokenResponse(access.token(), "Bearer", access.expiresIn(), null);
    }

    /** Client authentication, throttled like sign-in: the client or invalid_client (401). */
    private SystemClients.Authenticated authenticateClient(String clientId, String secret, String address) {
        if (blank(clientId) || blank(secret)) {
            throw new OAuthException(
                    401,
                    "invalid_client",
                    "Client authentication is required (HTTP Basic or client_id/client_secret).");
        }
        String throttleKey = "client:" + clientId;
        refuseWhilePaused(throttleKey, address);
        var client = clients.authenticate(clientId, secret);
        if (client.isEmpty()) {
            throttle.recordFailure(throttleKey, address);
            audit.record(
                    new AuditEntry(AuditAction.LOGIN, "SystemClient", clientId, null, AuditOutcome.FAILED, null),
                    null,
                    address);
            throw new OAuthException(401, "invalid_client", "Unknown client or wrong client secret.");
        }
        throttle.recordSuccess(throttleKey, address);
        return client.get();
    }

    private TokenResponse refresh(String token, String address) {
        if (blank(token)) {
            throw OAuthException.invalidRequest("refresh_token is required.");
        }
        var rotation = refreshTokens.rotate(token);
        if (rotation instanceof RefreshTokens.Rotation.Rotated rotated) {
            return issueFor(rotated.userId(), rotated.newToken(), rotated.signIn());
        }
        if (rotation instanceof RefreshTokens.Rotation.Reused reused) {
            audit.record(
                    new AuditEntry(
                            AuditAction.LOGIN,
                            "User",
                            reused.userId().toString(),
                            null,
                            AuditOutcome.DENIED,
                            "refresh token reused; sign-in revoked"),
                    null,
                    address);
        }
        throw new OAuthException(400, "invalid_grant", BAD_REFRESH);
    }

    /**
     * A system client may use the client_credentials grant only: an authenticated client asking for another grant is
     * unauthorized_client (RFC 6749 section 5.2), one that fails to authenticate is invalid_client.
     */
    private void refuseClientGrant(TokenRequest request, String address) {
        if (!"password".equals(request.grantType()) && !"refresh_token".equals(request.grantType())) {
            return; // unsupported_grant_type comes first
        }
        authenticateClient(request.clientId(), request.clientSecret(), address);
        throw new OAuthException(
                400,
                "unauthorized_client",
                "System clients may only use grant_type=client_credentials; " + request.grantType()
                        + " is for people signing in.");
    }

    private TokenResponse issueFor(UUID userId, String refresh, UUID signIn) {
        var account = accounts.byId(userId).filter(Account::enabled);
        if (account.isEmpty()) {
            refreshTokens.lockOut(userId);
            throw new OAuthException(400, "invalid_grant", BAD_REFRESH);
        }
        Account a = account.get();
        var access = accessTokens.issue(a.id().toString(), a.username(), a.roles(), a.hospitalId(), signIn.toString());
        return new TokenResponse(access.token(), "Bearer", access.expiresIn(), refresh);
    }

    /** Revokes the sign-in a refresh token belongs to (RFC 7009: unknown tokens are not an error). */
    public void revoke(String token) {
        if (!blank(token)) {
            refreshTokens.revokeFamilyOf(token);
        }
    }

    private void refuseWhilePaused(String username, String address) {
        throttle.pausedFor(username, address).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new OAuthException(
                    429,
                    "slow_down",
                    "Too many failed sign-in attempts. Try again in " + inWords(seconds) + ".",
                    seconds);
        });
    }

    private static String inWords(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long m = (seconds + 59) / 60;
        return m == 1 ? "1 minute" : m + " minutes";
    }

    private static Actor actorOf(Account a) {
        return new Actor(a.id().toString(), a.username(), a.roles(), a.hospitalId());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
