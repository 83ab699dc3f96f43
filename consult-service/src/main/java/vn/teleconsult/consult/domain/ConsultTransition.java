package vn.teleconsult.consult.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded change of a consult's state: from what to what, by whom, when and why. */
@Entity
@Table(schema = "consult", name = "consult_transition")
public class ConsultTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consult_id")
    public UUID consultId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ConsultState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ConsultState toState;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_role")
    public String actorRole;

    public String reason;

    @Column(name = "occurred_at")
    public Instant occurredAt;
}
