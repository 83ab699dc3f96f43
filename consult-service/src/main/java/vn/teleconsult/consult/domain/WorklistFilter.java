package vn.teleconsult.consult.domain;

/** Filters of a worklist; null fields do not restrict. */
public record WorklistFilter(ConsultState state, Urgency urgency, String specialty, Boolean overdue) {}
