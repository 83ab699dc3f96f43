package vn.teleconsult.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One playable file converted from a recording: one participant's audio or video track. */
@Entity
@Table(name = "recording_file", schema = "media")
public class RecordedFile {

    @Id
    public UUID id;

    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "user_id")
    public UUID userId;

    public String kind;

    public String codec;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "created_at")
    public Instant createdAt;
}
