package vn.teleconsult.scheduling.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.scheduling.Db;
import vn.teleconsult.scheduling.GreenMailResource;
import vn.teleconsult.scheduling.World;

@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class NotificationTest {

    @Inject
    World world;

    @Inject
    Db db;

    @Inject
    NotificationDispatcher dispatcher;

    /** The messages to this person (subject, body, invite), waiting up to a deadline for at least {@code n}. */
    private static List<String[]> mailTo(PersonRef person, int n, Predicate<String> subject) {
        return Awaitility.await(n + " message(s) to " + person.username())
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> received(person, subject), found -> found.size() >= n);
    }

    private static List<String[]> received(PersonRef person, Predicate<String> subject) throws Exception {
        var found = new ArrayList<String[]>();
        for (MimeMessage m : GreenMailResource.smtp.getReceivedMessagesForDomain(person.email())) {
            if (!m.getAllRecipients()[0].toString().equals(person.email()) || !subject.test(m.getSubject())) {
                continue;
            }
            var parts = (Multipart) m.getContent();
            String text = parts.getBodyPart(0).getContent().toString();
            var ics = new ByteArrayOutputStream();
            parts.getBodyPart(1).getInputStream().transferTo(ics);
            found.add(new String[] {m.getSubject(), text, ics.toString(StandardCharsets.UTF_8)});
        }
        return found;
    }

    @Test
    void shouldMailInvitesOnBookingChangeAndCancelWithStableUidAndSequence() throws Exception {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        String id = world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(10), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var booked = mailTo(hub.specialist(), 1, s -> s.startsWith("Đã đặt lịch"));
        assertEquals(1, booked.size());
        String ics = booked.get(0)[2];
        assertTrue(ics.contains("METHOD:REQUEST"), ics);
        assertTrue(ics.contains("UID:booking-" + id + "@teleconsult"), ics);
        assertTrue(ics.contains("SEQUENCE:0"), ics);
        for (String line : ics.split("\r\n")) {
            // RFC 5545 section 3.1: folded at 75 octets, and the Vietnamese description makes long lines
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        assertTrue(booked.get(0)[0].contains("(Asia/Ho_Chi_Minh, UTC+07:00)"), booked.get(0)[0]);
        assertTrue(
                booked.get(0)[1].contains("09:00–09:30") || booked.get(0)[1].contains("14:00–14:30"), booked.get(0)[1]);
        assertEquals(
                1, mailTo(hub.doctor(), 1, s -> s.startsWith("Đã đặt lịch")).size());

        world.as(hub.doctor())
                .body(Map.of("start", World.tomorrowAt9(11).toString()))
                .post("/api/scheduling/bookings/" + id + "/reschedule")
                .then()
                .statusCode(200);
        var changed = mailTo(hub.specialist(), 1, s -> s.startsWith("Đã đổi lịch"));
        assertTrue(changed.get(0)[2].contains("SEQUENCE:1"), changed.get(0)[2]);
        assertTrue(changed.get(0)[2].contains("UID:booking-" + id + "@teleconsult"));

        world.as(hub.doctor())
                .body(Map.of("reason", "Hội chẩn đã xong qua điện thoại"))
                .post("/api/scheduling/bookings/" + id + "/cancel")
                .then()
                .statusCode(200);
        var cancelled = mailTo(hub.specialist(), 1, s -> s.startsWith("Đã huỷ lịch"));
        assertTrue(cancelled.get(0)[2].contains("METHOD:CANCEL"), cancelled.get(0)[2]);
        assertTrue(cancelled.get(0)[2].contains("SEQUENCE:2"), cancelled.get(0)[2]);
        assertTrue(cancelled.get(0)[2].contains("STATUS:CANCELLED"));
        assertEquals(
                0,
                db.count(
                        "select count(*) from scheduling.notification where booking_id = ? and kind = 'REMINDER' and"
                                + " sent_at is null",
                        UUID.fromString(id)));
    }

    @Test
    void shouldQueueANewBookingsMailsOnceForAllParticipantsAndFanThemOutWhenDue() throws Exception {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        UUID id = UUID.fromString(world.as(hub.doctor())
                .body(World.booking(schedule, World.tomorrowAt9(12), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        mailTo(hub.specialist(), 1, s -> s.startsWith("Đã đặt lịch"));
        mailTo(hub.doctor(), 1, s -> s.startsWith("Đã đặt lịch"));
        // the confirmation became one sent row per participant; the reminder, not due before tomorrow, is still the
        // booking's one row for all participants
        Awaitility.await("the confirmation rows marked sent")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> db.count(
                                "select count(*) from scheduling.notification where booking_id = ? and kind ="
                                        + " 'CONFIRMATION' and sent_at is not null",
                                id)
                        == 2);
        assertEquals(
                2,
                db.count(
                        "select count(distinct recipient_id) from scheduling.notification where booking_id = ? and"
                                + " kind = 'CONFIRMATION' and recipient_id in (?, ?)",
                        id,
                        hub.specialist().id(),
                        hub.doctor().id()));
        assertEquals(
                0,
                db.count(
                        "select count(*) from scheduling.notification where booking_id = ? and kind = 'CONFIRMATION'"
                                + " and recipient_id is null",
                        id));
        assertEquals(
                1,
                db.count(
                        "select count(*) from scheduling.notification where booking_id = ? and kind = 'REMINDER' and"
                                + " recipient_id is null and sent_at is null",
                        id));
        assertEquals(
                0,
                db.count(
                        "select count(*) from scheduling.notification where booking_id = ? and kind = 'REMINDER' and"
                                + " recipient_id is not null",
                        id));
        // nothing is sent twice by later rounds
        dispatcher.dispatchDue();
        assertEquals(
                1, received(hub.specialist(), s -> s.startsWith("Đã đặt lịch")).size());
        assertEquals(1, received(hub.doctor(), s -> s.startsWith("Đã đặt lịch")).size());
    }

    @Test
    void shouldSendEachDueReminderOnceEvenWithSeveralDispatchersAtOnce() throws Exception {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        // the first free slot at least 10 minutes ahead: within the 2-hour reminder lead of the test profile
        String start = world.as(hub.doctor())
                .queryParam("schedule", schedule.toString())
                .queryParam("from", Instant.now().plus(Duration.ofMinutes(10)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofHours(3)).toString())
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].start");
        String id = world.as(hub.doctor())
                .body(World.booking(schedule, Instant.parse(start), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var pool = Executors.newFixedThreadPool(4);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 4; i++) {
                calls.add(dispatcher::dispatchDue);
            }
            pool.invokeAll(calls);
        } finally {
            pool.shutdownNow();
        }
        var reminders = mailTo(hub.specialist(), 1, s -> s.startsWith("Nhắc lịch"));
        assertEquals(1, reminders.size());
        // every row is sent exactly once: nothing left, nothing twice
        Awaitility.await("all notifications of the booking sent")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> db.count(
                                "select count(*) from scheduling.notification where booking_id = ? and sent_at is null",
                                UUID.fromString(id))
                        == 0);
        assertEquals(
                0,
                db.count(
                        "select count(*) from scheduling.notification where booking_id = ? and sent_at is null",
                        UUID.fromString(id)));
        // one message per row, none twice: confirmation and reminder to the specialist and to the doctor
        assertEquals(
                4, db.count("select count(*) from scheduling.notification where booking_id = ?", UUID.fromString(id)));
        assertEquals(2, mailTo(hub.specialist(), 2, s -> true).size());
        assertEquals(2, mailTo(hub.doctor(), 2, s -> true).size());
        assertEquals(
                1, mailTo(hub.specialist(), 1, s -> s.startsWith("Nhắc lịch")).size());
    }
}
