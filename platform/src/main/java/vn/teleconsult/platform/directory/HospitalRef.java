package vn.teleconsult.platform.directory;

import java.util.UUID;

/** A hospital of the network, as other modules may know it. */
public record HospitalRef(UUID id, String code, String name, HospitalKind kind, String timeZone, boolean active) {}
