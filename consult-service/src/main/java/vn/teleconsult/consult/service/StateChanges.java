package vn.teleconsult.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import org.hibernate.StaleStateException;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.ConsultTransition;
import vn.teleconsult.consult.domain.ConsultWorkflow;
import vn.teleconsult.consult.repository.ConsultRepository;
import vn.teleconsult.consult.repository.TransitionRepository;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/** Applies a state change the workflow allows, records who made it and when, and commits it version-checked. */
@ApplicationScoped
public class StateChanges {

    private final ConsultRepository consults;
    private final TransitionRepository transitions;

    public StateChanges(ConsultRepository consults, TransitionRepository transitions) {
        this.consults = consults;
        this.transitions = transitions;
    }

    /** Checks the step (actor null: the platform) and moves the consult; call {@link #flush} before returning. */
    public void move(Consult c, Actor actor, ConsultState to, String reason) {
        ConsultWorkflow.check(c, actor, to);
        var t = new ConsultTransition();
        t.consultId = c.id;
        t.fromState = c.state;
        t.toState = to;
        t.actorId = actor == null ? "system" : actor.id();
        t.actorRole = actor == null ? "SYSTEM" : role(actor);
        t.reason = reason;
        t.occurredAt = Instant.now();
        transitions.persist(t);
        c.state = to;
        c.updatedAt = t.occurredAt;
    }

    /** The caller's view of the consult was older than the stored one: refuse rather than overwrite. */
    public static void expectVersion(Consult c, Long version) {
        if (version != null && version != c.version) {
            throw concurrent(c);
        }
    }

    /** Writes the change now, so that a concurrent change of the same consult surfaces here as 409. */
    public void flush(Consult c) {
        try {
            consults.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw concurrent(c);
        }
    }

    public List<TransitionView> history(Consult c) {
        return transitions.of(c.id).stream()
                .map(t -> new TransitionView(t.fromState, t.toState, t.actorId, t.actorRole, t.reason, t.occurredAt))
                .toList();
    }

    private static ProblemException concurrent(Consult c) {
        return new ProblemException(
                409,
                "Changed by someone else",
                "Consult " + c.id + " was changed by someone else at the same time; reload it and try again.");
    }

    private static String role(Actor actor) {
        for (Role r : List.of(Role.HUB_SPECIALIST, Role.COORDINATOR, Role.SATELLITE_DOCTOR, Role.ADMIN)) {
            if (actor.has(r)) {
                return r.name();
            }
        }
        return actor.roles().stream().map(Enum::name).findFirst().orElse("");
    }
}
