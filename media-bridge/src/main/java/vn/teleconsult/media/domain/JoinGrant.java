package vn.teleconsult.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A single-use, short-lived permission for one user to join one room: a token stored in Janus and put on the room's
 * allowed list, taken off that list when the user has joined and out of Janus when they leave or it expires.
 */
@Entity
@Table(name = "join_grant", schema = "media")
public class JoinGrant {

    @Id
    public UUID id;

    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "user_id")
    public UUID userId;

    public int epoch;

    public String token;

    @Column(name = "feed_id")
    public long feedId;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "redeemed_at")
    public Instant redeemedAt;

    @Column(name = "released_at")
    public Instant releasedAt;
}
