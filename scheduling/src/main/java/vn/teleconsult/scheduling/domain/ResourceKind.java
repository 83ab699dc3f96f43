package vn.teleconsult.scheduling.domain;

/** What kind of thing a bookable resource is. */
public enum ResourceKind {
    PRACTITIONER,
    ROOM,
    DEVICE
}
