package vn.teleconsult.consult.domain;

/** Where a consult stands in its workflow; REPORTED, CLOSED and CANCELLED are no longer open. */
public enum ConsultState {
    DRAFT,
    SUBMITTED,
    ASSIGNED,
    ACCEPTED,
    DECLINED,
    SCHEDULED,
    IN_SESSION,
    REPORTED,
    CLOSED,
    CANCELLED;

    public boolean open() {
        return this != REPORTED && this != CLOSED && this != CANCELLED;
    }

    /** Waiting for a hub specialist to accept: what the response-time target (SLA) measures. */
    public boolean awaitingAcceptance() {
        return this == SUBMITTED || this == ASSIGNED || this == DECLINED;
    }
}
