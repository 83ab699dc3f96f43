package vn.teleconsult.consult.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A document attached to a consult (or to one of its messages): a PDF or image checked by its content. */
@Entity
@Table(schema = "consult", name = "consult_document")
public class ConsultDocument {

    @Id
    public UUID id;

    @Column(name = "consult_id")
    public UUID consultId;

    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "uploaded_by")
    public UUID uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
