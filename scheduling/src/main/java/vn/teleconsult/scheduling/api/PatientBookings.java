package vn.teleconsult.scheduling.api;

import java.util.UUID;
import vn.teleconsult.platform.security.Actor;

/** Lets other modules ask whether a caller relates to a portal patient through the patient's bookings. */
public interface PatientBookings {

    /**
     * Whether the actor may see at least one booking of the patient (a user id): its participants, and the
     * coordinators and specialists of the booking's hospital, as for {@code /api/scheduling/bookings}.
     */
    boolean seesBookingOf(Actor actor, UUID patientId);
}
