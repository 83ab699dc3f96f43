package vn.teleconsult.consult.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A correction or addition to a signed report, itself immutable. */
@Entity
@Table(schema = "consult", name = "consult_report_addendum")
public class ReportAddendum {

    @Id
    public UUID id;

    @Column(name = "consult_id")
    public UUID consultId;

    public String body;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "created_at")
    public Instant createdAt;
}
