package vn.teleconsult.consult.domain;

import static vn.teleconsult.consult.domain.ConsultState.ACCEPTED;
import static vn.teleconsult.consult.domain.ConsultState.ASSIGNED;
import static vn.teleconsult.consult.domain.ConsultState.CANCELLED;
import static vn.teleconsult.consult.domain.ConsultState.CLOSED;
import static vn.teleconsult.consult.domain.ConsultState.DECLINED;
import static vn.teleconsult.consult.domain.ConsultState.DRAFT;
import static vn.teleconsult.consult.domain.ConsultState.IN_SESSION;
import static vn.teleconsult.consult.domain.ConsultState.REPORTED;
import static vn.teleconsult.consult.domain.ConsultState.SCHEDULED;
import static vn.teleconsult.consult.domain.ConsultState.SUBMITTED;
import static vn.teleconsult.consult.domain.Party.ASSIGNED_SPECIALIST;
import static vn.teleconsult.consult.domain.Party.HUB_COORDINATOR;
import static vn.teleconsult.consult.domain.Party.REQUESTING_SITE;
import static vn.teleconsult.consult.domain.Party.SYSTEM;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.teleconsult.platform.security.Actor;

/**
 * The one state machine of a consult: which state may follow which, and who may take each step. Every change of state
 * in the module goes through {@link #check}; nothing else decides.
 */
public final class ConsultWorkflow {

    /** One allowed step and the parties who may take it. */
    public record Step(ConsultState from, ConsultState to, Set<Party> by) {}

    private static final Map<ConsultState, List<Step>> STEPS = new EnumMap<>(ConsultState.class);

    static {
        step(DRAFT, SUBMITTED, REQUESTING_SITE);
        step(SUBMITTED, ASSIGNED, HUB_COORDINATOR, SYSTEM);
        step(DECLINED, ASSIGNED, HUB_COORDINATOR);
        step(ASSIGNED, ACCEPTED, ASSIGNED_SPECIALIST);
        step(ASSIGNED, DECLINED, ASSIGNED_SPECIALIST);
        step(ACCEPTED, SCHEDULED, ASSIGNED_SPECIALIST, HUB_COORDINATOR, REQUESTING_SITE);
        // the session's booking was cancelled in scheduling: back to be booked again
        step(SCHEDULED, ACCEPTED, SYSTEM);
        step(SCHEDULED, IN_SESSION, ASSIGNED_SPECIALIST, HUB_COORDINATOR);
        step(IN_SESSION, REPORTED, ASSIGNED_SPECIALIST);
        step(REPORTED, CLOSED, REQUESTING_SITE, HUB_COORDINATOR);
        for (ConsultState s : ConsultState.values()) {
            if (s.open()) {
                step(s, CANCELLED, REQUESTING_SITE, HUB_COORDINATOR);
            }
        }
    }

    private ConsultWorkflow() {}

    private static void step(ConsultState from, ConsultState to, Party... by) {
        STEPS.computeIfAbsent(from, k -> new ArrayList<>()).add(new Step(from, to, EnumSet.of(by[0], by)));
    }

    /** The states that may follow {@code from}, whoever asks. */
    public static List<ConsultState> next(ConsultState from) {
        return STEPS.getOrDefault(from, List.of()).stream().map(Step::to).toList();
    }

    /** The states the actor may move this consult to now. */
    public static List<ConsultState> nextFor(Consult consult, Actor actor) {
        return STEPS.getOrDefault(consult.state, List.of()).stream()
                .filter(s -> s.by().stream().anyMatch(p -> p.is(actor, consult)))
                .map(Step::to)
                .toList();
    }

    /**
     * Checks that the actor (null: the platform itself) may move the consult to {@code to}; throws
     * {@link InvalidTransition} when the state does not allow it, {@link NotYourStep} when the actor may not.
     */
    public static void check(Consult consult, Actor actor, ConsultState to) {
        Step step = STEPS.getOrDefault(consult.state, List.of()).stream()
                .filter(s -> s.to() == to)
                .findFirst()
                .orElseThrow(() -> new InvalidTransition(consult.id, consult.state, to, next(consult.state)));
        boolean allowed =
                actor == null ? step.by().contains(SYSTEM) : step.by().stream().anyMatch(p -> p.is(actor, consult));
        if (!allowed) {
            throw new NotYourStep(consult.id, consult.state, to, step.by());
        }
    }
}
