package vn.teleconsult.consult.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.repository.ConsultRepository;
import vn.teleconsult.scheduling.api.BookingCancelled;
import vn.teleconsult.scheduling.api.BookingConfirmed;
import vn.teleconsult.scheduling.api.BookingKind;

/**
 * Follows consult sessions changed in scheduling itself: a moved session updates the consult's time, a cancelled one
 * puts a SCHEDULED consult back to ACCEPTED to be booked again. Acts only after the booking committed.
 */
@ApplicationScoped
public class BookingEvents {

    private final ConsultRepository consults;
    private final StateChanges changes;
    private final Notifications notifications;

    public BookingEvents(ConsultRepository consults, StateChanges changes, Notifications notifications) {
        this.consults = consults;
        this.changes = changes;
        this.notifications = notifications;
    }

    void confirmed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingConfirmed event) {
        if (event.kind() != BookingKind.CONSULT_SESSION || event.consultId() == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> consults.lock(event.consultId())
                .filter(c -> event.bookingId().equals(c.bookingId))
                .filter(c ->
                        !event.start().equals(c.sessionStart) || !event.end().equals(c.sessionEnd))
                .ifPresent(c -> {
                    c.sessionStart = event.start();
                    c.sessionEnd = event.end();
                    notifications.notify(c.members(), c.id, "SESSION_MOVED", null);
                    Log.infof("Consult %s: session moved", c.id);
                }));
    }

    void cancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingCancelled event) {
        if (event.kind() != BookingKind.CONSULT_SESSION || event.consultId() == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> consults.lock(event.consultId())
                .filter(c -> event.bookingId().equals(c.bookingId) && c.state == ConsultState.SCHEDULED)
                .ifPresent(c -> {
                    changes.move(c, null, ConsultState.ACCEPTED, "session booking " + event.status());
                    c.bookingId = null;
                    c.sessionStart = null;
                    c.sessionEnd = null;
                    notifications.notify(c.members(), c.id, "SESSION_CANCELLED", null);
                    Log.infof("Consult %s: session booking ended, back to ACCEPTED", c.id);
                }));
    }
}
