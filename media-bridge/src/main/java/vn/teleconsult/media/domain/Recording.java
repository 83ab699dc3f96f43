package vn.teleconsult.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The recording of one room: requested, started once every participant consented for themself, converted into files
 * once the room closed.
 */
@Entity
@Table(name = "recording", schema = "media")
public class Recording {

    /**
     * Waiting for every participant's consent; Janus records; converting once the room closed; files ready; the
     * conversion failed; or the room closed before everyone consented.
     */
    public enum State {
        REQUESTED,
        RECORDING,
        CONVERTING,
        READY,
        FAILED,
        CANCELLED
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

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
