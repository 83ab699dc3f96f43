package vn.teleconsult.identity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.identity.domain.RefreshToken;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /** Finds and locks the token row, so two concurrent uses of one token cannot both rotate it. */
    public Optional<RefreshToken> findByHashForUpdate(byte[] hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<RefreshToken> findByHash(byte[] hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** Deletes tokens that expired before the given instant. */
    public long deleteExpiredBefore(Instant instant) {
        return delete("expiresAt < ?1", instant);
    }

    public int revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    /** The user's sign-ins (families) that gave out a token since the given instant: their access tokens may live. */
    public List<UUID> familiesActiveSince(UUID userId, Instant since) {
        return getEntityManager()
                .createQuery(
                        "select distinct t.familyId from RefreshToken t where t.userId = ?1 and t.issuedAt >= ?2",
                        UUID.class)
                .setParameter(1, userId)
                .setParameter(2, since)
                .getResultList();
    }

    public int revokeAllOfUser(UUID userId, Instant now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }
}
