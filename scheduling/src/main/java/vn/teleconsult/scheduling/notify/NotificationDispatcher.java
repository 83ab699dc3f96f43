package vn.teleconsult.scheduling.notify;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.domain.NotificationKind;
import vn.teleconsult.scheduling.repository.BookingRepository;
import vn.teleconsult.scheduling.service.SchedulingSettings;

/**
 * Sends due notification e-mails with their calendar invites. The queue is in PostgreSQL: each replica claims rows with
 * {@code FOR UPDATE SKIP LOCKED} and marks them sent in the same transaction, so a restart loses none and two replicas
 * never send the same row. Also releases expired holds.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final int BATCH = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final ReactiveMailer mailer;
    private final Directory directory;
    private final BookingRepository bookings;
    private final SchedulingSettings settings;

    public NotificationDispatcher(
            ReactiveMailer mailer, Directory directory, BookingRepository bookings, SchedulingSettings settings) {
        this.mailer = mailer;
        this.directory = directory;
        this.bookings = bookings;
        this.settings = settings;
    }

    @Scheduled(
            identity = "scheduling-notifications",
            every = "${teleconsult.scheduling.dispatch-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        releaseExpiredHolds();
        while (dispatchDue() >= BATCH) {
            // keep going while full batches come back
        }
    }

    @Transactional
    public int releaseExpiredHolds() {
        return bookings.releaseExpiredHolds(null, null);
    }

    /**
     * Fans out up to one batch of due rows queued for all participants of a booking (a new booking's confirmation and
     * reminder, queued by its one statement) into one row per participant, then sends up to one batch of due e-mails;
     * answers how many rows it handled.
     */
    @Transactional
    public int dispatchDue() {
        int fannedOut = Panache.getEntityManager()
                .createNativeQuery(
                        """
                        with f as (
                            delete from scheduling.notification where id in (
                                select id from scheduling.notification
                                where recipient_id is null and sent_at is null and due_at <= now()
                                order by due_at limit ?1 for update skip locked)
                            returning booking_id, kind, sequence, due_at)
                        insert into scheduling.notification (id, booking_id, kind, recipient_id, sequence, due_at,
                            created_at)
                        select gen_random_uuid(), f.booking_id, f.kind, p.user_id, f.sequence, f.due_at, now()
                        from f join scheduling.booking_participant p on p.booking_id = f.booking_id
                        on conflict on constraint notification_once do nothing
                        """)
                .setParameter(1, BATCH)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select id, booking_id, kind, recipient_id from scheduling.notification"
                        + " where recipient_id is not null and sent_at is null and due_at <= now() and attempts < ?1"
                        + " order by due_at limit ?2"
                        + " for update skip locked")
                .setParameter(1, settings.mailAttempts())
                .setParameter(2, BATCH)
                .getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            Booking booking = bookings.findById((UUID) row[1]);
            var kind = NotificationKind.valueOf((String) row[2]);
            Optional<PersonRef> recipient = directory.person((UUID) row[3]);
            String error = null;
            if (recipient.isEmpty()
                    || recipient.get().email() == null
                    || recipient.get().email().isBlank()) {
                error = "recipient has no e-mail address";
            } else {
                try {
                    // the blocking Mailer waits forever on a stuck connection; bound the wait, retry later
                    mailer.send(mail(booking, kind, recipient.get())).await().atMost(settings.mailSendTimeout());
                } catch (RuntimeException e) {
                    // the class of the innermost cause only: SMTP messages may quote addresses
                    Throwable cause = e;
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    error = cause.getClass().getSimpleName();
                    Log.warnf("Notification %s of booking %s not sent yet: %s", id, booking.id, error);
                }
            }
            boolean done = error == null || error.startsWith("recipient");
            Panache.getEntityManager()
                    .createNativeQuery("update scheduling.notification set attempts = attempts + 1, last_error = ?2,"
                            + " sent_at = case when ?3 then now() else null end,"
                            + " due_at = case when ?3 then due_at else now() + cast(?4 as interval) end where id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, error)
                    .setParameter(3, done)
                    .setParameter(4, settings.mailRetryAfter().toSeconds() + " seconds")
                    .executeUpdate();
        }
        return fannedOut + rows.size();
    }

    private Mail mail(Booking booking, NotificationKind kind, PersonRef to) {
        boolean cancel = kind == NotificationKind.CANCELLATION;
        String what = booking.kind == BookingKind.CONSULT_SESSION
                ? "Phiên hội chẩn / Consult session"
                : "Lịch khám / Appointment";
        String subject =
                switch (kind) {
                    case CONFIRMATION -> "Đã đặt lịch / Booked: ";
                    case CHANGE -> "Đã đổi lịch / Rescheduled: ";
                    case CANCELLATION -> "Đã huỷ lịch / Cancelled: ";
                    case REMINDER -> "Nhắc lịch / Reminder: ";
                };
        String when = when(booking);
        subject = subject + what + ", " + when;
        var text = new StringBuilder()
                .append(what)
                .append('\n')
                .append("Thời gian / Time: ")
                .append(when)
                .append('\n')
                .append("Hình thức / Mode: ")
                .append(booking.mode)
                .append('\n')
                .append("Dịch vụ / Service: ")
                .append(booking.serviceCode)
                .append('\n')
                .append("Mã lịch / Booking: ")
                .append(booking.id)
                .append('\n');
        if (cancel && booking.cancelReason != null) {
            text.append("Lý do / Reason: ").append(booking.cancelReason).append('\n');
        }
        var attendees = new ArrayList<String>();
        attendees.add(to.email());
        String invite = CalendarInvite.of(
                booking,
                cancel,
                what + " (" + booking.serviceCode + ")",
                text.toString(),
                address(settings.mailFrom()),
                attendees);
        return Mail.withText(to.email(), subject, text.toString())
                .setFrom(settings.mailFrom())
                .addAttachment(
                        "invite.ics",
                        invite.getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=" + (cancel ? "CANCEL" : "REQUEST"));
    }

    /** E.g. "14:00–14:30 30/11/2026 (Asia/Ho_Chi_Minh, UTC+07:00)". */
    static String when(Booking booking) {
        ZoneId zone = ZoneId.of(booking.timeZone);
        var start = booking.startAt.atZone(zone);
        var end = booking.endAt.atZone(zone);
        return start.toLocalTime() + "–" + end.toLocalTime() + " "
                + start.format(WHEN).substring(6) + " (" + zone.getId() + ", UTC"
                + start.getOffset().getId().replace("Z", "+00:00") + ")";
    }

    private static String address(String from) {
        int lt = from.indexOf('<');
        return lt >= 0 ? from.substring(lt + 1, from.indexOf('>', lt)) : from;
    }
}
