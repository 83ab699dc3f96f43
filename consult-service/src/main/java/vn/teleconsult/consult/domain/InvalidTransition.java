package vn.teleconsult.consult.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;

/** A state change the workflow does not allow from the consult's current state (409, with the allowed next states). */
public class InvalidTransition extends ProblemException {

    public InvalidTransition(UUID id, ConsultState from, ConsultState to, List<ConsultState> allowed) {
        super(
                409,
                "Invalid state transition",
                "Consult " + id + " is " + from + " and cannot become " + to + "; allowed next: "
                        + (allowed.isEmpty() ? "none" : allowed) + ".",
                Map.of(
                        "state",
                        from.name(),
                        "allowed",
                        allowed.stream().map(Enum::name).toList()));
    }
}
