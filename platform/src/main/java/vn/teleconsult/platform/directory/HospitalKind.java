package vn.teleconsult.platform.directory;

/** A hub (national or regional referral centre) answers consults; a satellite (provincial, district) asks. */
public enum HospitalKind {
    HUB,
    SATELLITE
}
