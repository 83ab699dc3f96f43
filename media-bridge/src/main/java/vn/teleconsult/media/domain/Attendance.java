package vn.teleconsult.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One stay of one user in a room, as Janus reported it: from joined to left, whether they published media. */
@Entity
@Table(name = "attendance", schema = "media")
public class Attendance {

    @Id
    public UUID id;

    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "feed_id")
    public long feedId;

    @Column(name = "joined_at")
    public Instant joinedAt;

    @Column(name = "left_at")
    public Instant leftAt;

    public boolean published;

    @Column(name = "media_state")
    public String mediaState;

    /** Janus's handle of the participant's publisher: its WebRTC and media events carry only this. */
    @Column(name = "handle_id")
    public Long handleId;

    @Column(name = "webrtc_up_at")
    public Instant webrtcUpAt;

    /** Whether Janus receives the participant's audio: {@code receiving} or {@code not receiving}. */
    public String audio;

    public String video;

    @Column(name = "slow_links")
    public int slowLinks;

    @Column(name = "hangup_reason")
    public String hangupReason;
}
