package vn.teleconsult.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user the caller named as a participant of a room; in a waiting room, whether the host has admitted them. */
@Entity
@Table(name = "room_participant", schema = "media")
public class RoomParticipant {

    /** Room and user. */
    @Embeddable
    public record Key(@Column(name = "room_id") UUID roomId, @Column(name = "user_id") UUID userId)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "waiting_since")
    public Instant waitingSince;

    @Column(name = "admitted_at")
    public Instant admittedAt;

    @Column(name = "recording_consent_at")
    public Instant recordingConsentAt;
}
