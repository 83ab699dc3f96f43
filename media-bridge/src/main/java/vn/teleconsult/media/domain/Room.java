package vn.teleconsult.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A video room for one consult session or visit, and where it lives in Janus right now. */
@Entity
@Table(name = "room", schema = "media")
public class Room {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public RoomKind kind;

    @Column(name = "reference_id")
    public UUID referenceId;

    @Column(name = "waiting_room")
    public boolean waitingRoom;

    @Column(name = "host_user_id")
    public UUID hostUserId;

    @Enumerated(EnumType.STRING)
    public RoomState state;

    public String server;

    @Column(name = "janus_room")
    public Long janusRoom;

    public String secret;

    public int bitrate;

    @Column(name = "max_publishers")
    public int maxPublishers;

    /** Incremented each time the room is re-created after a Janus failure; grants of older epochs are void. */
    public int epoch;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "empty_since")
    public Instant emptySince;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    public boolean isHost(UUID userId) {
        return userId.equals(hostUserId);
    }
}
