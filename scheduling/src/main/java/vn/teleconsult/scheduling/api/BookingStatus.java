package vn.teleconsult.scheduling.api;

/** Where a booking stands; only HELD and BOOKED take time from their resources. */
public enum BookingStatus {
    HELD,
    BOOKED,
    CANCELLED,
    NO_SHOW,
    EXPIRED
}
