package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.identity.domain.RefreshToken;
import vn.teleconsult.identity.repository.RefreshTokenRepository;
import vn.teleconsult.platform.security.AuthSettings;
import vn.teleconsult.platform.security.RevocationList;

/**
 * Issues, rotates and revokes refresh tokens. Only a hash is stored; each token works once and is replaced by a new
 * one of the same family; presenting an already used token revokes the whole family (it was probably stolen). A
 * family is one sign-in: its id is the {@code sid} of the access tokens issued with it, and revoking the family puts
 * that sign-in on the platform's revocation list in the same transaction, so its access tokens stop working too
 * (decision 0019).
 */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration MAX_ACCESS_LIFETIME = Duration.ofMinutes(15);

    private final RefreshTokenRepository repository;
    private final AuthSettings settings;

    private final RevocationList revocations;

    public RefreshTokens(RefreshTokenRepository repository, AuthSettings settings, RevocationList revocations) {
        this.repository = repository;
        this.settings = settings;
        this.revocations = revocations;
    }

    /** Outcome of presenting a refresh token. */
    public sealed interface Rotation {
        /** The successor token; {@code signIn} is the family id, the {@code sid} of its access tokens. */
        record Rotated(UUID userId, String newToken, UUID signIn) implements Rotation {}

        /** The token had been used before: its family is now revoked. */
        record Reused(UUID userId) implements Rotation {}

        record Invalid() implements Rotation {}
    }

    /** A new sign-in: its refresh token to give out, and its id, the {@code sid} of its access tokens. */
    public record Started(String token, UUID signIn) {}

    /** Starts a new family (a new sign-in) for the user. */
    @Transactional
    public Started startFamily(UUID userId) {
        Instant now = Instant.now();
        UUID family = UUID.randomUUID();
        return new Started(issue(userId, family, now, now.plus(settings.refreshTokenLifetime())), family);
    }

    /** Uses a token once: answers its successor, or revokes the family when the token was already used. */
    @Transactional
    public Rotation rotate(String token) {
        Instant now = Instant.now();
        var found = repository.findByHashForUpdate(hash(token));
        if (found.isEmpty()) {
            return new Rotation.Invalid();
        }
        RefreshToken current = found.get();
        if (current.revokedAt != null || !current.expiresAt.isAfter(now)) {
            return new Rotation.Invalid();
        }
        if (current.usedAt != null) {
            revokeFamily(current.familyId, now);
            return new Rotation.Reused(current.userId);
        }
        current.usedAt = now;
        // the family keeps its first expiry: a sign-in lasts at most refresh-token-lifetime
        return new Rotation.Rotated(
                current.userId, issue(current.userId, current.familyId, now, current.expiresAt), current.familyId);
    }

    /**
     * Revokes the family of the given token (sign-out) and its access tokens; unknown tokens are ignored, as RFC 7009
     * asks.
     */
    @Transactional
    public void revokeFamilyOf(String token) {
        repository.findByHash(hash(token)).ifPresent(t -> revokeFamily(t.familyId, Instant.now()));
    }

    /**
     * Signs the user out everywhere: every sign-in, and its access tokens. A sign-in started right afterwards works,
     * so the user's own tokens are revoked by sign-in; a subject row revokes the rest up to the current second (tokens
     * of an external issuer, which have no sign-in of ours).
     */
    @Transactional
    public int revokeAllOf(UUID userId) {
        Instant now = Instant.now();
        revokeSignInsOf(userId, now);
        revocations.revokeSubject(userId.toString(), now);
        return repository.revokeAllOfUser(userId, now);
    }

    /**
     * Like {@link #revokeAllOf}, for a user who may not sign in any more (disabled): every token issued up to and
     * including the current second is revoked, whatever its sign-in.
     */
    @Transactional
    public int lockOut(UUID userId) {
        Instant now = Instant.now();
        revokeSignInsOf(userId, now);
        revocations.revokeSubject(
                userId.toString(), now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        return repository.revokeAllOfUser(userId, now);
    }

    private void revokeSignInsOf(UUID userId, Instant now) {
        // a family that gave out no token for longer than an access token lives has no live access token left
        Instant since =
                now.minus(MAX_ACCESS_LIFETIME).minus(settings.clockSkew().multipliedBy(2));
        revocations.revokeSignIns(repository.familiesActiveSince(userId, since).stream()
                .map(UUID::toString)
                .toList());
    }

    private void revokeFamily(UUID familyId, Instant now) {
        repository.revokeFamily(familyId, now);
        revocations.revokeSignIns(List.of(familyId.toString()));
    }

    private String issue(UUID userId, UUID familyId, Instant now, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.tokenHash = hash(token);
        row.familyId = familyId;
        row.userId = userId;
        row.issuedAt = now;
        row.expiresAt = expiresAt;
        repository.persist(row);
        return token;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
