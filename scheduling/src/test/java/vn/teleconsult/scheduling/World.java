package vn.teleconsult.scheduling;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Role;

/** Each test's own hub, linked satellite, staff and patients, with real tokens, and schedules made over REST. */
@ApplicationScoped
public class World {

    public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final TestDirectory directory;
    private final AccessTokens tokens;

    public World(TestDirectory directory, AccessTokens tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    /** A hub with a coordinator and a specialist, and a linked satellite with a doctor. */
    public record Hub(UUID id, UUID satellite, PersonRef coordinator, PersonRef specialist, PersonRef doctor) {}

    public Hub hub() {
        UUID hub = directory.hospital(HospitalKind.HUB);
        UUID satellite = directory.hospital(HospitalKind.SATELLITE);
        directory.link(satellite, hub);
        return new Hub(
                hub,
                satellite,
                directory.person(Role.COORDINATOR, hub),
                directory.person(Role.HUB_SPECIALIST, hub),
                directory.person(Role.SATELLITE_DOCTOR, satellite));
    }

    public PersonRef person(Role role, UUID hospital) {
        return directory.person(role, hospital);
    }

    public PersonRef patient() {
        return directory.person(Role.PATIENT, null);
    }

    public String token(PersonRef person) {
        return tokens.issue(person.id().toString(), person.username(), person.roles(), person.hospitalId())
                .token();
    }

    public RequestSpecification as(PersonRef person) {
        return given().auth().oauth2(token(person)).contentType(ContentType.JSON);
    }

    /** A schedule of the hub's specialist open every day 00:00–23:30 (Ho Chi Minh time), 30-minute slots. */
    public UUID schedule(Hub hub, String kind, List<String> modes) {
        return schedule(hub, hub.specialist().id(), kind, modes, "FREQ=DAILY");
    }

    public UUID schedule(Hub hub, UUID practitioner, String kind, List<String> modes, String rrule) {
        String id = as(hub.coordinator())
                .body(Map.of(
                        "practitionerId",
                        practitioner,
                        "kind",
                        kind,
                        "serviceCode",
                        "svc-" + UUID.randomUUID().toString().substring(0, 6),
                        "specialty",
                        "cardiology",
                        "modes",
                        modes,
                        "slotMinutes",
                        30,
                        "horizonDays",
                        30,
                        "minNoticeMinutes",
                        0,
                        "rules",
                        List.of(Map.of(
                                "rrule",
                                rrule,
                                "start",
                                "00:00",
                                "end",
                                "23:30",
                                "validFrom",
                                LocalDate.now(VN).minusDays(1).toString()))))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    /** The start of tomorrow's 09:00 (Ho Chi Minh) slot, plus the given number of slots. */
    public static Instant tomorrowAt9(int plusSlots) {
        return LocalDate.now(VN)
                .plusDays(1)
                .atTime(9, 0)
                .atZone(VN)
                .toInstant()
                .plus(30L * plusSlots, ChronoUnit.MINUTES);
    }

    /** A VIDEO hold of the slot by the person, as its id. */
    public String hold(PersonRef person, UUID schedule, Instant start) {
        return as(person)
                .body(booking(schedule, start, "VIDEO"))
                .post("/api/scheduling/holds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An on-call shift given by the person (a hub coordinator, to succeed): the answer, to be checked. */
    public ValidatableResponse onCall(PersonRef by, UUID practitioner, String specialty, Instant start, Instant end) {
        return as(by).body(Map.of(
                        "practitionerId",
                        practitioner,
                        "specialty",
                        specialty,
                        "start",
                        start.toString(),
                        "end",
                        end.toString()))
                .post("/api/scheduling/oncall")
                .then();
    }

    public static Map<String, Object> booking(UUID schedule, Instant start, String mode) {
        return Map.of("scheduleId", schedule, "start", start.toString(), "mode", mode);
    }
}
