package vn.teleconsult.platform.security;

/** Role names as compile-time constants, for {@code @RolesAllowed}. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String HUB_SPECIALIST = "HUB_SPECIALIST";
    public static final String SATELLITE_DOCTOR = "SATELLITE_DOCTOR";
    public static final String PATIENT = "PATIENT";
    public static final String SYSTEM = "SYSTEM";

    private Roles() {}
}
