package vn.teleconsult.consult.domain;

/** The patient's administrative sex, as recorded by the satellite. */
public enum Sex {
    MALE,
    FEMALE,
    OTHER,
    UNKNOWN
}
