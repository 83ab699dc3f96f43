package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import vn.teleconsult.identity.domain.RefreshToken;
import vn.teleconsult.identity.repository.RefreshTokenRepository;
import vn.teleconsult.platform.security.AuthSettings;

/**
 * Issues, rotates and revokes refresh tokens. Only a hash is stored; each token works once and is replaced by a new
 * one of the same family; presenting an already used token revokes the whole family (it was probably stolen).
 */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRepository repository;
    private final AuthSettings settings;

    public RefreshTokens(RefreshTokenRepository repository, AuthSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** Outcome of presenting a refresh token. */
    public sealed interface Rotation {
        record Rotated(UUID userId, String newToken) implements Rotation {}

        /** The token had been used before: its family is now revoked. */
        record Reused(UUID userId) implements Rotation {}

        record Invalid() implements Rotation {}
    }

    /** Starts a new family (a new sign-in) for the user; answers the token to give out. */
    @Transactional
    public String startFamily(UUID userId) {
        Instant now = Instant.now();
        return issue(userId, UUID.randomUUID(), now, now.plus(settings.refreshTokenLifetime()));
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
            repository.revokeFamily(current.familyId, now);
            return new Rotation.Reused(current.userId);
        }
        current.usedAt = now;
        // the family keeps its first expiry: a sign-in lasts at most refresh-token-lifetime
        return new Rotation.Rotated(current.userId, issue(current.userId, current.familyId, now, current.expiresAt));
    }

    /** Revokes the family of the given token (sign-out); unknown tokens are ignored, as RFC 7009 asks. */
    @Transactional
    public void revokeFamilyOf(String token) {
        repository.findByHash(hash(token)).ifPresent(t -> repository.revokeFamily(t.familyId, Instant.now()));
    }

    /** Signs the user out everywhere. */
    @Transactional
    public int revokeAllOf(UUID userId) {
        return repository.revokeAllOfUser(userId, Instant.now());
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
