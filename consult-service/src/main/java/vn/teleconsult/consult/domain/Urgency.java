package vn.teleconsult.consult.domain;

/** How fast the satellite needs an answer; EMERGENCY goes to the on-call specialist at once. */
public enum Urgency {
    EMERGENCY,
    URGENT,
    ROUTINE
}
