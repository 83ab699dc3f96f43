package vn.teleconsult.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The recording of one room, started with its participants' consent, converted into files once the room closed. */
@Entity
@Table(name = "recording", schema = "media")
public class Recording {

    /** Janus records; converting once the room closed; files ready; or the conversion failed. */
    public enum State {
        RECORDING,
        CONVERTING,
        READY,
        FAILED
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Enumerated(EnumType.STRING)
    public State state;

    /** Absolute directory where Janus writes the {@code .mjr} files and the converter its output. */
    public String directory;

    @Column(name = "conversion_started_at")
    public Instant conversionStartedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
