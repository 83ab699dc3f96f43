package vn.teleconsult.identity.service;

import java.util.List;
import java.util.UUID;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/** The signed-in user's own profile, for the web client's header and home page. */
public record Profile(UUID id, String username, String fullName, List<Role> roles, HospitalRef hospital) {

    /** The user's hospital in brief. */
    public record HospitalRef(UUID id, String code, String name, HospitalKind kind, String timeZone) {}
}
