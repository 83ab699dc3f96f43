package vn.teleconsult.platform.security;

/** The roles a token may carry; {@link Roles} holds the same names as constants for {@code @RolesAllowed}. */
public enum Role {
    ADMIN,
    COORDINATOR,
    HUB_SPECIALIST,
    SATELLITE_DOCTOR,
    PATIENT,
    /** A system client such as a hospital PACS gateway (client_credentials grant). */
    SYSTEM
}
