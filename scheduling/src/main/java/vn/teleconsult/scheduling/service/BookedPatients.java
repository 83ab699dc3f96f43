package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.scheduling.api.PatientBookings;
import vn.teleconsult.scheduling.repository.BookingRepository;

/** Answers, with {@link SchedulingPolicy}'s booking rule, whether a caller sees a booking of a patient. */
@ApplicationScoped
public class BookedPatients implements PatientBookings {

    private final BookingRepository bookings;

    public BookedPatients(BookingRepository bookings) {
        this.bookings = bookings;
    }

    @Override
    @Transactional
    public boolean seesBookingOf(Actor actor, UUID patientId) {
        if (patientId == null) {
            return false;
        }
        try (var found = bookings.stream("patientId", patientId)) {
            return found.anyMatch(b -> SchedulingPolicy.maySee(actor, b));
        }
    }
}
