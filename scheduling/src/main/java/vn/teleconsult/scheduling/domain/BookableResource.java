package vn.teleconsult.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something whose time can be booked: a practitioner (same id as the user), a room or a device of one hospital. */
@Entity
@Table(schema = "scheduling", name = "resource")
public class BookableResource extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResourceKind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
