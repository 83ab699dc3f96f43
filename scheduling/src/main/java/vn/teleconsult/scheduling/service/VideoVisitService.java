package vn.teleconsult.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VideoVisit;
import vn.teleconsult.scheduling.api.VideoVisits;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.repository.BookingRepository;

/** Video visits for the platform; the caller checks who may join and audits the read. */
@ApplicationScoped
public class VideoVisitService implements VideoVisits {

    private final BookingRepository bookings;

    public VideoVisitService(BookingRepository bookings) {
        this.bookings = bookings;
    }

    @Override
    public Optional<VideoVisit> find(UUID bookingId) {
        return QuarkusTransaction.joiningExisting().call(() -> bookings.findByIdOptional(bookingId)
                .filter(b -> b.kind == BookingKind.PATIENT_VISIT && b.mode == VisitMode.VIDEO)
                .map(b -> new VideoVisit(
                        b.id, b.status, b.hospitalId, b.practitionerId, b.patientId, b.startAt, b.endAt, b.timeZone)));
    }
}
