package vn.teleconsult.scheduling.api;

import java.util.Optional;
import java.util.UUID;

/** What the platform asks scheduling about video visits when a patient or their doctor joins one. */
public interface VideoVisits {

    /** The patient visit booked in VIDEO mode with this id; empty for any other booking or none. */
    Optional<VideoVisit> find(UUID bookingId);
}
