package vn.teleconsult.consult.domain;

import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/** Who, relative to one consult, may take a step of its workflow. */
public enum Party {
    /** A satellite doctor of the hospital that asked. */
    REQUESTING_SITE,
    /** A coordinator of the hub the consult was sent to. */
    HUB_COORDINATOR,
    /** The hub specialist the consult is assigned to. */
    ASSIGNED_SPECIALIST,
    /** The platform itself (on-call assignment, a booking cancelled in scheduling). */
    SYSTEM;

    /** Whether the actor is this party for the consult; SYSTEM is never a caller. */
    public boolean is(Actor actor, Consult consult) {
        return switch (this) {
            case REQUESTING_SITE ->
                actor.has(Role.SATELLITE_DOCTOR) && consult.requestingHospitalId.equals(actor.hospitalId());
            case HUB_COORDINATOR -> actor.has(Role.COORDINATOR) && consult.hubId.equals(actor.hospitalId());
            case ASSIGNED_SPECIALIST ->
                actor.has(Role.HUB_SPECIALIST)
                        && consult.hubId.equals(actor.hospitalId())
                        && consult.specialistId != null
                        && consult.specialistId.toString().equals(actor.id());
            case SYSTEM -> false;
        };
    }
}
