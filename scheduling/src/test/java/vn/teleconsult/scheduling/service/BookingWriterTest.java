package vn.teleconsult.scheduling.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.Db;
import vn.teleconsult.scheduling.GreenMailResource;
import vn.teleconsult.scheduling.World;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.domain.Notice;
import vn.teleconsult.scheduling.domain.NotificationKind;
import vn.teleconsult.scheduling.repository.BookingRepository.NewBooking;
import vn.teleconsult.scheduling.repository.BookingRepository.Outcome;

/** Bookings written in one batch: each decided on its own, in one transaction, with its own audit entry. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class BookingWriterTest {

    @Inject
    World world;

    @Inject
    Db db;

    @Inject
    ScheduleCache cache;

    @Inject
    BookingWriter writer;

    @Inject
    DataSource dataSource;

    @Test
    void shouldDecideEachBookingOfABatchOnItsOwnAndWriteOnlyThoseThatGotTheirTime() {
        var hub = world.hub();
        CachedSchedule schedule = schedule(world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO")));
        // the slot at 09:00 is booked already, and the doctor used the key "used" for the 09:30 slot
        world.as(hub.doctor())
                .body(World.booking(schedule.id(), World.tomorrowAt9(0), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201);
        world.as(hub.doctor())
                .header("Idempotency-Key", "used")
                .body(World.booking(schedule.id(), World.tomorrowAt9(1), "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201);
        // a second specialist on leave at 09:00
        var onLeave = world.person(Role.HUB_SPECIALIST, hub.id());
        CachedSchedule leaveSchedule =
                schedule(world.schedule(hub, onLeave.id(), "CONSULT_SESSION", List.of("VIDEO"), "FREQ=DAILY"));
        world.as(hub.coordinator())
                .body(Map.of(
                        "start", World.tomorrowAt9(0).toString(),
                        "end", World.tomorrowAt9(2).toString(),
                        "reason", "Nghỉ phép"))
                .post("/api/scheduling/resources/" + onLeave.id() + "/exceptions")
                .then()
                .statusCode(204);

        var written = pending(schedule, World.tomorrowAt9(3), hub.doctor(), null);
        var overlapsTheFirst = pending(schedule, World.tomorrowAt9(3), hub.coordinator(), null);
        var alreadyBooked = pending(schedule, World.tomorrowAt9(0), hub.coordinator(), null);
        Booking stale = booking(schedule, World.tomorrowAt9(4), hub.doctor(), null);
        var staleSchedule = new BookingWriter.Pending(
                new NewBooking(stale, schedule.version() + 1, schedule.resourceId(), notices()),
                stamp(hub.doctor(), stale.id));
        var keyUsed = pending(schedule, World.tomorrowAt9(5), hub.doctor(), "used");
        var resourceOnLeave = pending(leaveSchedule, World.tomorrowAt9(1), hub.doctor(), null);
        var alsoWritten = pending(schedule, World.tomorrowAt9(6), hub.coordinator(), "fresh");
        var batch =
                List.of(written, overlapsTheFirst, alreadyBooked, staleSchedule, keyUsed, resourceOnLeave, alsoWritten);

        writer.write(batch);

        assertEquals(Outcome.WRITTEN, outcome(written));
        assertEquals(Outcome.TAKEN, outcome(overlapsTheFirst));
        assertEquals(Outcome.TAKEN, outcome(alreadyBooked));
        assertEquals(Outcome.UNDECIDED, outcome(staleSchedule));
        assertEquals(Outcome.UNDECIDED, outcome(keyUsed));
        assertEquals(Outcome.UNDECIDED, outcome(resourceOnLeave));
        assertEquals(Outcome.WRITTEN, outcome(alsoWritten));
        for (var p : batch) {
            UUID id = p.booking().booking().id;
            boolean made = p == written || p == alsoWritten;
            assertEquals(made ? 1 : 0, db.count("select count(*) from scheduling.booking where id = ?", id));
            assertEquals(
                    made ? 1 : 0,
                    db.count("select count(*) from scheduling.booking_resource where booking_id = ?", id));
            assertEquals(
                    made ? 2 : 0,
                    db.count("select count(*) from scheduling.booking_participant where booking_id = ?", id));
            assertEquals(
                    made ? 2 : 0,
                    db.count(
                            "select count(*) from scheduling.notification where booking_id = ? and recipient_id is"
                                    + " null",
                            id));
            // each written booking's entry names its own requester, though both committed in one transaction
            assertEquals(
                    made ? 1 : 0,
                    db.count(
                            "select count(*) from audit.audit_event where resource_type = 'Booking' and action ="
                                    + " 'CREATE' and resource_id = ? and actor_id = ?",
                            id.toString(),
                            p.audit().actor().id()));
        }
    }

    @Test
    void shouldWriteTheBookingsOneByOneWhenTheBatchFailsAsAWhole() throws Exception {
        var hub = world.hub();
        CachedSchedule schedule = schedule(world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO")));
        var racing = pending(schedule, World.tomorrowAt9(7), hub.doctor(), "race");
        var innocent = pending(schedule, World.tomorrowAt9(8), hub.coordinator(), null);
        // another request of the doctor's with the same key, not yet committed: the batch's statement waits for it
        try (var other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var insert = other.prepareStatement(
                    "insert into scheduling.booking (id, kind, mode, status, hospital_id, service_code, start_at,"
                            + " end_at, time_zone, booked_by, idempotency_key, created_at, updated_at) values (?,"
                            + " 'CONSULT_SESSION', 'VIDEO', 'CANCELLED', ?, 'other', now() + interval '2 days', now()"
                            + " + interval '2 days 30 minutes', 'Asia/Ho_Chi_Minh', ?, 'race', now(), now())")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, hub.id());
                insert.setString(3, hub.doctor().id().toString());
                insert.executeUpdate();
            }
            var writing = CompletableFuture.runAsync(() -> writer.write(List.of(racing, innocent)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // (pg_stat_activity shows a statement's first kilobyte: the batch's statement starts "with c as")
            while (db.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like"
                            + " 'with c as (%'")
                    == 0) {
                assertTrue(System.nanoTime() < deadline, "the batch never waited for the other transaction");
                assertFalse(writing.isDone(), "the batch finished without waiting for the other transaction");
                Thread.onSpinWait();
            }
            other.commit();
            writing.get(30, TimeUnit.SECONDS);
        }

        // the batch failed on the key as a whole; written one by one, the innocent booking is made, the other is
        // left to the full path (which answers the booking the key belongs to)
        assertEquals(Outcome.UNDECIDED, outcome(racing));
        assertEquals(Outcome.WRITTEN, outcome(innocent));
        assertEquals(
                0,
                db.count(
                        "select count(*) from scheduling.booking where id = ?",
                        racing.booking().booking().id));
        assertEquals(
                1,
                db.count(
                        "select count(*) from scheduling.booking_resource where booking_id = ?",
                        innocent.booking().booking().id));
        assertEquals(
                1,
                db.count(
                        "select count(*) from audit.audit_event where resource_id = ?",
                        innocent.booking().booking().id.toString()));
        assertEquals(
                0,
                db.count(
                        "select count(*) from audit.audit_event where resource_id = ?",
                        racing.booking().booking().id.toString()));
    }

    private CachedSchedule schedule(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> cache.fresh(id).orElseThrow());
    }

    private static Outcome outcome(BookingWriter.Pending p) {
        return p.outcome().getNow(null);
    }

    private static BookingWriter.Pending pending(CachedSchedule schedule, Instant start, PersonRef by, String key) {
        Booking booking = booking(schedule, start, by, key);
        return new BookingWriter.Pending(
                new NewBooking(booking, schedule.version(), schedule.resourceId(), notices()), stamp(by, booking.id));
    }

    private static List<Notice> notices() {
        return List.of(
                new Notice(NotificationKind.CONFIRMATION, Instant.now()),
                new Notice(NotificationKind.REMINDER, Instant.now()));
    }

    private static AuditTrail.Stamped stamp(PersonRef by, UUID booking) {
        return new AuditTrail.Stamped(
                AuditEntry.of(AuditAction.CREATE, "Booking", booking),
                new Actor(by.id().toString(), by.username(), by.roles(), by.hospitalId()),
                "127.0.0.1",
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static Booking booking(CachedSchedule schedule, Instant start, PersonRef by, String key) {
        var b = new Booking();
        b.id = UUID.randomUUID();
        b.kind = BookingKind.CONSULT_SESSION;
        b.mode = VisitMode.VIDEO;
        b.status = BookingStatus.BOOKED;
        b.scheduleId = schedule.id();
        b.hospitalId = schedule.hospitalId();
        b.practitionerId = schedule.practitionerId();
        b.serviceCode = schedule.serviceCode();
        b.startAt = start;
        b.endAt = start.plus(Duration.ofMinutes(schedule.slotMinutes()));
        b.timeZone = schedule.timeZone();
        b.createdAt = Instant.now();
        b.updatedAt = b.createdAt;
        b.bookedBy = by.id().toString();
        b.idempotencyKey = key;
        b.participants = new java.util.HashSet<>(Set.of(by.id(), schedule.resourceId()));
        return b;
    }
}
