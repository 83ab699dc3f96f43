package vn.teleconsult.consult.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message in a consult's thread between the satellite and hub teams; plain text, never markup. */
@Entity
@Table(schema = "consult", name = "consult_message")
public class ConsultMessage {

    @Id
    public UUID id;

    @Column(name = "consult_id")
    public UUID consultId;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "author_hospital_id")
    public UUID authorHospitalId;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;
}
