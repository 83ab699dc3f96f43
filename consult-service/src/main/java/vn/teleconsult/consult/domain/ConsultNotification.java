package vn.teleconsult.consult.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something a user should look at on a consult (assigned, new message, report signed, overdue...). */
@Entity
@Table(schema = "consult", name = "consult_notification")
public class ConsultNotification {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "consult_id")
    public UUID consultId;

    public String kind;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
