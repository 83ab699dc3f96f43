package vn.teleconsult.scheduling.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.domain.Notice;
import vn.teleconsult.scheduling.domain.NotificationKind;

/**
 * Queues the e-mails a booking change calls for, in the booking's own transaction, so that none is lost and none is
 * queued for a change that rolled back. {@code NotificationDispatcher} sends them.
 */
@ApplicationScoped
public class NotificationOutbox {

    private final SchedulingSettings settings;

    public NotificationOutbox(SchedulingSettings settings) {
        this.settings = settings;
    }

    /** The e-mails a new booking calls for: its confirmation now and its reminder (none for a hold). */
    List<Notice> onConfirmation(Booking booking) {
        if (booking.status != BookingStatus.BOOKED) {
            return List.of();
        }
        var notices = new ArrayList<Notice>();
        Instant now = Instant.now();
        notices.add(new Notice(NotificationKind.CONFIRMATION, now));
        reminder(booking, now).ifPresent(notices::add);
        return notices;
    }

    void confirmed(Booking booking) {
        onConfirmation(booking).forEach(n -> queueAll(booking, n.kind(), n.due()));
    }

    void changed(Booking booking) {
        dropPendingReminders(booking);
        Instant now = Instant.now();
        queueAll(booking, NotificationKind.CHANGE, now);
        reminder(booking, now).ifPresent(n -> queueAll(booking, n.kind(), n.due()));
    }

    void ended(Booking booking, boolean tellParticipants) {
        dropPendingReminders(booking);
        if (tellParticipants) {
            queueAll(booking, NotificationKind.CANCELLATION, Instant.now());
        }
    }

    private Optional<Notice> reminder(Booking booking, Instant now) {
        if (!booking.startAt.isAfter(now)) {
            return Optional.empty();
        }
        Instant due = booking.startAt.minus(settings.reminderLead());
        return Optional.of(new Notice(NotificationKind.REMINDER, due.isBefore(now) ? now : due));
    }

    /** One row per recipient, in one statement. */
    private void queueAll(Booking booking, NotificationKind kind, Instant due) {
        if (booking.participants.isEmpty()) {
            return;
        }
        Panache.getEntityManager()
                .createNativeQuery("insert into scheduling.notification (id, booking_id, kind, recipient_id, sequence,"
                        + " due_at, created_at) select gen_random_uuid(), ?1, ?2, r, ?3, ?4, now() from"
                        + " unnest(cast(?5 as uuid[])) r on conflict do nothing")
                .setParameter(1, booking.id)
                .setParameter(2, kind.name())
                .setParameter(3, booking.sequence)
                .setParameter(4, at(due))
                .setParameter(5, booking.participants.toArray(UUID[]::new))
                .executeUpdate();
    }

    private void dropPendingReminders(Booking booking) {
        Panache.getEntityManager()
                .createNativeQuery("delete from scheduling.notification where booking_id = ?1 and kind = 'REMINDER'"
                        + " and sent_at is null")
                .setParameter(1, booking.id)
                .executeUpdate();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
