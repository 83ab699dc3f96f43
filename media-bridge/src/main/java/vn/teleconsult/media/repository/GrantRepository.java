package vn.teleconsult.media.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.media.domain.JoinGrant;

/** Join grants. */
@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<JoinGrant, UUID> {

    public Optional<JoinGrant> byFeed(UUID roomId, long feedId) {
        return find("roomId = ?1 and feedId = ?2", roomId, feedId).firstResultOptional();
    }

    /** Grants never redeemed whose time is up, and unreleased grants of older epochs. */
    public List<JoinGrant> expiredUnused(Instant now) {
        return list("releasedAt is null and redeemedAt is null and expiresAt < ?1", now);
    }

    public List<JoinGrant> unreleased(UUID roomId) {
        return list("roomId = ?1 and releasedAt is null", roomId);
    }
}
