package vn.teleconsult.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens with SmallRye JWT once per token and remembers each verified token until it expires, so that
 * a client sending the same token with every request pays for the RSA check and the claim parsing only once.
 *
 * <p>The cache is keyed by the whole compact token (header, claims and signature), so a hit is the very string that
 * was verified before, and an entry is never used after the token's {@code exp} plus the allowed clock skew — the
 * instant from which SmallRye JWT itself would refuse it. Failures are never remembered. Every parse, cache hit or
 * not, then asks the {@link RevocationList} (a hash lookup in its in-memory copy) and refuses a token whose sign-in or
 * subject has been revoked since it was issued, so remembering a verified token never outlives a revocation. See
 * decisions 0015 and 0019.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens implements JWTParser {

    private final JWTParser delegate;
    private final long graceSeconds;
    private final int capacity;
    private final Clock clock;
    private final Predicate<JsonWebToken> revoked;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(JsonWebToken token, long usableUntilEpochSecond) {}

    @Inject
    public VerifiedTokens(DefaultJWTParser delegate, AuthSettings settings, RevocationList revocations) {
        this(
                delegate,
                settings.clockSkew(),
                settings.verifiedTokenCacheSize(),
                Clock.systemUTC(),
                revocations::revoked);
    }

    VerifiedTokens(JWTParser delegate, Duration clockSkew, int capacity, Clock clock) {
        this(delegate, clockSkew, capacity, clock, token -> false);
    }

    VerifiedTokens(JWTParser delegate, Duration clockSkew, int capacity, Clock clock, Predicate<JsonWebToken> revoked) {
        this.revoked = revoked;
        this.delegate = delegate;
        this.graceSeconds = clockSkew.toSeconds();
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * The verified token: from the cache before its {@code exp} plus the clock skew (the instant from which SmallRye
     * JWT refuses it), else verified (and remembered) now; refused, either way, when it has been revoked.
     */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return notRevoked(verified(token));
    }

    private JsonWebToken notRevoked(JsonWebToken token) throws ParseException {
        if (revoked.test(token)) {
            throw new ParseException("The token's sign-in has been revoked");
        }
        return token;
    }

    private JsonWebToken verified(String token) throws ParseException {
        if (capacity <= 0 || token == null) {
            return delegate.parse(token);
        }
        long now = clock.instant().getEpochSecond();
        Verified hit = verified.get(token);
        if (hit != null) {
            if (now < hit.usableUntilEpochSecond()) {
                return hit.token();
            }
            verified.remove(token, hit);
        }
        JsonWebToken fresh = delegate.parse(token);
        long exp = fresh.getExpirationTime();
        if (exp > 0 && room(now)) {
            verified.put(token, new Verified(fresh, exp + graceSeconds));
        }
        return fresh;
    }

    /** How many verified tokens are remembered now. */
    int size() {
        return verified.size();
    }

    /** Whether one more entry fits, after dropping expired ones when the cache is full. */
    private boolean room(long now) {
        if (verified.size() < capacity) {
            return true;
        }
        verified.values().removeIf(v -> v.usableUntilEpochSecond() <= now);
        return verified.size() < capacity;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return notRevoked(delegate.parse(token, context));
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return notRevoked(delegate.verify(token, key));
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return notRevoked(delegate.verify(token, key));
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return notRevoked(delegate.verify(token, secret));
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return notRevoked(delegate.decrypt(token, key));
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return notRevoked(delegate.decrypt(token, key));
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return notRevoked(delegate.decrypt(token, secret));
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
