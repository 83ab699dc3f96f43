package vn.teleconsult.consult.domain;

import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;

/** The state change is allowed, but not for this caller (403, naming who may take it). */
public class NotYourStep extends ProblemException {

    public NotYourStep(UUID id, ConsultState from, ConsultState to, Set<Party> by) {
        super(
                403,
                "Not your step",
                "Moving consult " + id + " from " + from + " to " + to + " is for " + by
                        + "; a specialist acts only on consults assigned to them.");
    }
}
