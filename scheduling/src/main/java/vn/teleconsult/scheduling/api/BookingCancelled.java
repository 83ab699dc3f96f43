package vn.teleconsult.scheduling.api;

import java.util.UUID;

/** CDI event: a booking was cancelled or marked a no-show (fired in its transaction, like {@link BookingConfirmed}). */
public record BookingCancelled(UUID bookingId, BookingKind kind, UUID consultId, BookingStatus status) {}
