package vn.teleconsult.scheduling.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Books consult sessions for the consult workflow. The caller has checked who may act on the consult; this side checks
 * the slot, the hub link and the resources, and never books the same time twice.
 */
public interface ConsultSessions {

    /** Reserves the slot for a few minutes; {@link #book} with the same request then confirms it. */
    SessionBooking hold(SessionRequest request);

    /** Books the slot (confirming the requester's hold on it, if any) and sends the invites. */
    SessionBooking book(SessionRequest request);

    /** Moves a booked session to another slot of the same schedule; the invites are sent again. */
    SessionBooking reschedule(UUID bookingId, Instant newStart);

    /** Cancels the session and frees its time; the invites are withdrawn. */
    SessionBooking cancel(UUID bookingId, String reason);

    /** Books an URGENT session now with the specialist on call, without a slot. */
    SessionBooking urgent(UrgentSessionRequest request);

    Optional<SessionBooking> find(UUID bookingId);

    /** The specialist on call at the hub for the specialty at that time, if any. */
    Optional<UUID> onCall(UUID hubId, String specialty, Instant at);
}
