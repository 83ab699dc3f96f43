package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.domain.BookableResource;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.domain.Schedule;

/**
 * Scheduling's tenant rules in one place: who manages a hospital's schedules, resources and on-call roster, who may
 * book what, and who sees a booking. Services ask it; they never compare hospitals or roles themselves.
 *
 * <p>A booking the caller may not see is reported by the caller as 404, exactly like a missing one; a step of the
 * wrong kind of user (a patient booking a consult session, a specialist changing a colleague's schedule) is 403.
 */
@ApplicationScoped
public class SchedulingPolicy {

    private final Directory directory;

    public SchedulingPolicy(Directory directory) {
        this.directory = directory;
    }

    /** The hospital whose schedules and exceptions the caller manages: coordinators' and specialists' own. */
    public UUID managedHospital(Actor actor) {
        if (!isStaff(actor)) {
            throw ProblemException.forbidden("Only coordinators and specialists of a hospital manage its schedules.");
        }
        return actor.hospitalId();
    }

    /** The hospital whose specialists, rooms and devices the caller may list (read-only for specialists). */
    public UUID resourcesHospital(Actor actor) {
        if (!isStaff(actor)) {
            throw ProblemException.forbidden("Only coordinators and specialists of a hospital see its resources.");
        }
        return actor.hospitalId();
    }

    /** The hospital where the caller, a coordinator, adds rooms and devices. */
    public UUID roomsAndDevicesHospital(Actor actor) {
        UUID hospital = managedHospital(actor);
        if (!actor.has(Role.COORDINATOR)) {
            throw ProblemException.forbidden("Only a coordinator adds rooms and devices.");
        }
        return hospital;
    }

    /** The hub whose on-call roster the caller, its coordinator, keeps. */
    public UUID rosterHospital(Actor actor) {
        if (!actor.has(Role.COORDINATOR) || actor.hospitalId() == null) {
            throw ProblemException.forbidden("Only a hub coordinator keeps the on-call roster.");
        }
        return actor.hospitalId();
    }

    /**
     * Whether the caller may read the hospital's schedules (who offers which time): its own staff, doctors of
     * satellites linked to it, and network administrators. Anyone else's answer is the same as for a missing hospital.
     */
    public boolean readsSchedulesOf(Actor actor, UUID hospitalId) {
        if (actor.isNetworkAdmin() || hospitalId.equals(actor.hospitalId())) {
            return true;
        }
        return actor.hospitalId() != null
                && actor.has(Role.SATELLITE_DOCTOR)
                && directory.linked(actor.hospitalId(), hospitalId);
    }

    /** Whether the schedule is one the caller manages; a schedule of another hospital is as good as missing. */
    public boolean managesHospitalOf(Actor actor, Schedule schedule) {
        return schedule.hospitalId.equals(managedHospital(actor));
    }

    /** A specialist changes only their own schedules; coordinators any of their hospital's. */
    public void checkManagesPractitioner(Actor actor, UUID practitionerId) {
        if (!actor.has(Role.COORDINATOR) && !practitionerId.equals(actor.userId())) {
            throw ProblemException.forbidden("A specialist manages their own schedules only.");
        }
    }

    /** A specialist records exceptions (leave) of their own time only; coordinators of every resource. */
    public void checkRecordsExceptionOf(Actor actor, BookableResource resource) {
        if (actor.has(Role.HUB_SPECIALIST) && !actor.has(Role.COORDINATOR) && !resource.id.equals(actor.userId())) {
            throw ProblemException.forbidden("A specialist records exceptions of their own time only.");
        }
    }

    /** Patient visits are booked by the signed-in patient, for themselves. */
    public void checkBooksVisit(Actor actor) {
        if (!actor.has(Role.PATIENT) || actor.hospitalId() != null) {
            throw ProblemException.forbidden("Patient visits are booked by the patient, signed in.");
        }
    }

    /** Consult sessions of a hub are booked by its own staff or by doctors of satellites linked to it. */
    public void checkBooksSession(Actor actor, UUID hubId) {
        if (actor.hospitalId() == null) {
            throw ProblemException.forbidden("Consult sessions are booked by hospital staff.");
        }
        if (actor.has(Role.SATELLITE_DOCTOR) && directory.linked(actor.hospitalId(), hubId)) {
            return;
        }
        if ((actor.has(Role.COORDINATOR) || actor.has(Role.HUB_SPECIALIST))
                && actor.hospitalId().equals(hubId)) {
            return;
        }
        throw ProblemException.forbidden(
                "Your hospital is not linked to hub " + hubId + "; book with a hub you are linked to.");
    }

    /**
     * The same rule for a session the consult workflow books on a requester's behalf: the requester is staff of the
     * hub itself or a doctor of a satellite linked to it.
     */
    public void checkRequesterBooksSession(UUID requesterId, UUID hubId) {
        PersonRef person = directory
                .person(requesterId)
                .filter(p -> p.enabled() && p.hospitalId() != null)
                .orElseThrow(() -> ProblemException.forbidden("Requester " + requesterId + " is no hospital staff."));
        boolean hubStaff =
                person.hospitalId().equals(hubId) && (person.has(Role.COORDINATOR) || person.has(Role.HUB_SPECIALIST));
        boolean linkedSatellite = person.has(Role.SATELLITE_DOCTOR) && directory.linked(person.hospitalId(), hubId);
        if (!hubStaff && !linkedSatellite) {
            throw ProblemException.forbidden(
                    "The requester's hospital is not linked to hub " + hubId + "; consult sessions go to linked hubs.");
        }
    }

    /** Whether the practitioner is an active staff member of the hospital (schedules are made for them only). */
    public boolean isActiveStaffOf(PersonRef person, UUID hospitalId) {
        return person.enabled() && hospitalId.equals(person.hospitalId());
    }

    /** Whether the practitioner may be put on the hub's on-call roster: an active specialist of that hub. */
    public boolean mayBeOnCallAt(PersonRef person, UUID hubId) {
        return isActiveStaffOf(person, hubId) && person.has(Role.HUB_SPECIALIST);
    }

    /** Whether the caller lists bookings as hospital staff (all of the hospital's) rather than as a participant. */
    public static boolean isStaff(Actor actor) {
        return actor.hospitalId() != null && (actor.has(Role.COORDINATOR) || actor.has(Role.HUB_SPECIALIST));
    }

    /** Participants (patient, requester, invited staff) and the hospital's coordinators and specialists see it. */
    public static boolean maySee(Actor actor, Booking booking) {
        return isParticipant(actor, booking) || isStaffOf(actor, booking);
    }

    /** Whether the caller is a coordinator or specialist of the booking's hospital (they record no-shows). */
    public static boolean isStaffOf(Actor actor, Booking booking) {
        return booking.hospitalId.equals(actor.hospitalId()) && isStaff(actor);
    }

    private static boolean isParticipant(Actor actor, Booking booking) {
        if (actor.id().equals(booking.bookedBy)) {
            return true;
        }
        try {
            UUID user = actor.userId();
            return user.equals(booking.patientId) || booking.participants.contains(user);
        } catch (IllegalArgumentException systemClient) {
            return false;
        }
    }
}
