package vn.teleconsult.scheduling.api;

import java.util.UUID;

/** CDI event fired after a booking is cancelled or marked a no-show. */
public record BookingCancelled(UUID bookingId, BookingKind kind, UUID consultId, BookingStatus status) {}
