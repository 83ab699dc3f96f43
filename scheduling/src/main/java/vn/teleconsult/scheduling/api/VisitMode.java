package vn.teleconsult.scheduling.api;

/** How the people meet: over video or in person. */
public enum VisitMode {
    VIDEO,
    IN_PERSON
}
