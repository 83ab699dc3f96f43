package vn.teleconsult.scheduling.api;

/** What a booking is for: a consult session between a satellite team and a hub specialist, or a patient's visit. */
public enum BookingKind {
    CONSULT_SESSION,
    PATIENT_VISIT
}
