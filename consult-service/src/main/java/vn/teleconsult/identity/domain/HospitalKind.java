package vn.teleconsult.identity.domain;

/** A hub (national or regional referral centre) answers consults; a satellite (provincial, district) asks. */
public enum HospitalKind {
    HUB,
    SATELLITE
}
