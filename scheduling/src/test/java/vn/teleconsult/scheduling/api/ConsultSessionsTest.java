package vn.teleconsult.scheduling.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.Db;
import vn.teleconsult.scheduling.GreenMailResource;
import vn.teleconsult.scheduling.TestDirectory;
import vn.teleconsult.scheduling.World;

/** The API the consult workflow calls: book, hold, reschedule, cancel, urgent with the specialist on call. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ConsultSessionsTest {

    /** Collects the module's CDI events, as the consult workflow would observe them. */
    @ApplicationScoped
    static class Events {
        private final List<Object> seen = new CopyOnWriteArrayList<>();

        List<Object> seen() {
            return seen;
        }

        void confirmed(@Observes BookingConfirmed e) {
            seen.add(e);
        }

        void cancelled(@Observes BookingCancelled e) {
            seen.add(e);
        }
    }

    @Inject
    ConsultSessions sessions;

    @Inject
    World world;

    @Inject
    Db db;

    @Inject
    TestDirectory directory;

    @Inject
    Events events;

    @Test
    void shouldBookRescheduleAndCancelASessionForAConsultFiringEvents() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        UUID consult = UUID.randomUUID();
        UUID colleague = world.person(Role.SATELLITE_DOCTOR, hub.satellite()).id();
        var request = new SessionRequest(
                consult,
                schedule,
                World.tomorrowAt9(12),
                VisitMode.VIDEO,
                hub.doctor().id(),
                Set.of(colleague),
                Set.of(),
                "consult-" + consult);
        SessionBooking booked = sessions.book(request);
        assertEquals(BookingStatus.BOOKED, booked.status());
        assertEquals(consult, booked.consultId());
        assertTrue(booked.participantIds()
                .containsAll(
                        Set.of(colleague, hub.doctor().id(), hub.specialist().id())));
        assertEquals(booked.id(), sessions.book(request).id(), "the same idempotency key answers the same booking");
        assertTrue(events.seen().stream()
                .anyMatch(e -> e instanceof BookingConfirmed c && c.bookingId().equals(booked.id())));

        var moved = sessions.reschedule(booked.id(), World.tomorrowAt9(13));
        assertEquals(World.tomorrowAt9(13), moved.start());
        var cancelled = sessions.cancel(booked.id(), "Ca bệnh đã ổn định");
        assertEquals(BookingStatus.CANCELLED, cancelled.status());
        assertTrue(events.seen().stream()
                .anyMatch(e -> e instanceof BookingCancelled c && c.bookingId().equals(booked.id())));
    }

    @Test
    void shouldRefuseSessionsWithUnlinkedHubs() {
        var hub = world.hub();
        UUID schedule = world.schedule(hub, "CONSULT_SESSION", List.of("VIDEO"));
        UUID stranger = world.person(Role.SATELLITE_DOCTOR, directory.hospital(HospitalKind.SATELLITE))
                .id();
        var e = assertThrows(
                ProblemException.class,
                () -> sessions.book(new SessionRequest(
                        UUID.randomUUID(),
                        schedule,
                        World.tomorrowAt9(14),
                        VisitMode.VIDEO,
                        stranger,
                        Set.of(),
                        Set.of(),
                        null)));
        assertEquals(403, e.status());
    }

    @Test
    void shouldReachTheSpecialistOnCallForAnUrgentConsult() {
        var hub = world.hub();
        var urgent = new UrgentSessionRequest(
                UUID.randomUUID(),
                hub.id(),
                "Cardiology",
                Duration.ofMinutes(30),
                hub.doctor().id(),
                Set.of());
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> sessions.urgent(urgent))
                        .status());
        Instant now = Instant.now();
        world.onCall(
                        hub.coordinator(),
                        hub.specialist().id(),
                        "cardiology",
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofHours(7)))
                .statusCode(201);
        world.onCall(
                        hub.coordinator(),
                        world.person(Role.HUB_SPECIALIST, hub.id()).id(),
                        "cardiology",
                        now.plus(Duration.ofHours(6)),
                        now.plus(Duration.ofHours(12)))
                .statusCode(409);
        // an urgent session of no length (or a negative one) is refused and recorded nowhere
        for (Duration length : List.of(Duration.ZERO, Duration.ofMinutes(-30))) {
            var none = new UrgentSessionRequest(
                    urgent.consultId(),
                    hub.id(),
                    "Cardiology",
                    length,
                    hub.doctor().id(),
                    Set.of());
            assertEquals(
                    400,
                    assertThrows(ProblemException.class, () -> sessions.urgent(none))
                            .status());
        }
        assertEquals(0, db.count("select count(*) from scheduling.booking where consult_id = ?", urgent.consultId()));
        var session = sessions.urgent(urgent);
        assertTrue(session.urgent());
        assertEquals(hub.specialist().id(), session.practitionerId());
        assertTrue(session.participantIds().contains(hub.doctor().id()));
    }
}
