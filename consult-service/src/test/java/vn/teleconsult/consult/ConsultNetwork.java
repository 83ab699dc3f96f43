package vn.teleconsult.consult;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/** Each test's own hub and linked satellite with one user of each role, and helpers to drive consults over REST. */
@ApplicationScoped
public class ConsultNetwork {

    /** The people of one test network: ids and access tokens. */
    public record Net(
            UUID hub,
            UUID satellite,
            UUID coordinatorId,
            String coordinator,
            UUID specialistId,
            String specialist,
            UUID otherSpecialistId,
            String otherSpecialist,
            UUID doctorId,
            String doctor,
            String otherHospitalDoctor,
            String admin) {}

    private final Fixtures fixtures;
    private final HospitalRepository hospitals;

    public ConsultNetwork(Fixtures fixtures, HospitalRepository hospitals) {
        this.fixtures = fixtures;
        this.hospitals = hospitals;
    }

    public Net create() {
        UUID hub = fixtures.hospital(HospitalKind.HUB);
        UUID satellite = fixtures.hospital(HospitalKind.SATELLITE);
        UUID otherSatellite = fixtures.hospital(HospitalKind.SATELLITE);
        link(satellite, hub);
        link(otherSatellite, hub);
        String coordinator = fixtures.user(Role.COORDINATOR, hub);
        String specialist = fixtures.user(Role.HUB_SPECIALIST, hub);
        String other = fixtures.user(Role.HUB_SPECIALIST, hub);
        String doctor = fixtures.user(Role.SATELLITE_DOCTOR, satellite);
        String stranger = fixtures.user(Role.SATELLITE_DOCTOR, otherSatellite);
        String admin = fixtures.user(Role.ADMIN, null);
        return new Net(
                hub,
                satellite,
                fixtures.userId(coordinator),
                Fixtures.token(coordinator),
                fixtures.userId(specialist),
                Fixtures.token(specialist),
                fixtures.userId(other),
                Fixtures.token(other),
                fixtures.userId(doctor),
                Fixtures.token(doctor),
                Fixtures.token(stranger),
                Fixtures.token(admin));
    }

    @Transactional
    void link(UUID satellite, UUID hub) {
        hospitals.findById(satellite).hubs.add(hospitals.findById(hub));
    }

    /** A request as the holder of the token, with a JSON body. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A request as the holder of the token. */
    public static RequestSpecification signedIn(String token) {
        return given().auth().oauth2(token);
    }

    /** A consult request body; the summary holds markup that must come back as plain text. */
    public static Map<String, Object> request(Net net, String urgency, List<String> studies) {
        var patient = new HashMap<String, Object>();
        patient.put("name", "Nguyễn Văn Ánh");
        patient.put("birthDate", LocalDate.of(1961, 5, 17).toString());
        patient.put("sex", "MALE");
        patient.put("nationalId", "001061012345");
        patient.put("insuranceNumber", "HT2790123456789");
        var body = new HashMap<String, Object>();
        body.put("patient", patient);
        body.put("clinicalSummary", "Đau ngực trái 3 ngày, khó thở. <script>alert('x')</script>");
        body.put("question", "Có chỉ định can thiệp mạch vành cấp không?");
        body.put("urgency", urgency);
        body.put("specialty", "Tim mạch");
        body.put("hubId", net.hub().toString());
        body.put("studyUids", studies);
        body.put("consentRecorded", true);
        return body;
    }

    /** Creates a DRAFT consult as the satellite doctor; answers its id. */
    public static UUID draft(Net net, String urgency) {
        return UUID.fromString(as(net.doctor())
                .body(request(net, urgency, List.of()))
                .post("/api/consults")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    public static ValidatableResponse transition(String token, UUID id, Map<String, Object> body) {
        return as(token).body(body).post("/api/consults/{id}/transitions", id).then();
    }

    /** Asks, as the holder of the token, to assign the consult to the specialist. */
    public static ValidatableResponse assign(String token, UUID id, UUID specialistId) {
        return transition(token, id, Map.of("to", "ASSIGNED", "specialistId", specialistId.toString()));
    }

    /** A consult submitted by the network's doctor. */
    public static UUID submitted(Net net, String urgency) {
        UUID id = draft(net, urgency);
        transition(net.doctor(), id, Map.of("to", "SUBMITTED")).statusCode(200);
        return id;
    }

    /** A consult submitted and assigned to the network's specialist by its coordinator. */
    public static UUID assigned(Net net, String urgency) {
        UUID id = submitted(net, urgency);
        assign(net.coordinator(), id, net.specialistId()).statusCode(200);
        return id;
    }

    /** A consult submitted, assigned to the network's specialist and accepted by them. */
    public static UUID accepted(Net net, String urgency) {
        UUID id = assigned(net, urgency);
        transition(net.specialist(), id, Map.of("to", "ACCEPTED")).statusCode(200);
        return id;
    }

    /** The specialist's CONSULT_SESSION schedule, open every day 00:00–23:30 local time; answers its id. */
    public static String schedule(Net net) {
        return as(net.specialist())
                .body(Map.of(
                        "practitionerId",
                        net.specialistId().toString(),
                        "kind",
                        "CONSULT_SESSION",
                        "serviceCode",
                        "consult",
                        "specialty",
                        "Tim mạch",
                        "modes",
                        List.of("VIDEO"),
                        "slotMinutes",
                        30,
                        "minNoticeMinutes",
                        0,
                        "rules",
                        List.of(Map.of(
                                "rrule", "FREQ=DAILY",
                                "start", "00:00",
                                "end", "23:30",
                                "validFrom", LocalDate.now().minusDays(1).toString()))))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * A visit schedule of the practitioner (made by {@code token}), open around the clock from yesterday until
     * {@code until} (open-ended when null), with 5-minute slots bookable at once.
     */
    public static String visitSchedule(String token, UUID practitioner, java.time.LocalDate until) {
        var zone = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        var rule = new java.util.HashMap<String, Object>(Map.of(
                "rrule", "FREQ=DAILY",
                "start", "00:00",
                "end", "23:55",
                "validFrom", java.time.LocalDate.now(zone).minusDays(1).toString()));
        if (until != null) {
            rule.put("validUntil", until.toString());
        }
        return signedIn(token)
                .contentType("application/json")
                .body(Map.of(
                        "practitionerId",
                        practitioner.toString(),
                        "kind",
                        "PATIENT_VISIT",
                        "serviceCode",
                        "followup-chronic",
                        "modes",
                        List.of("VIDEO", "IN_PERSON"),
                        "slotMinutes",
                        5,
                        "minNoticeMinutes",
                        0,
                        "rules",
                        List.of(rule)))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The first free slot of the schedule: its start. */
    public static String firstSlot(Net net, String scheduleId) {
        List<String> starts = signedIn(net.doctor())
                .queryParam("schedule", scheduleId)
                .queryParam("kind", "CONSULT_SESSION")
                .queryParam("from", java.time.Instant.now().plusSeconds(60).toString())
                .queryParam(
                        "to",
                        java.time.Instant.now()
                                .plus(java.time.Duration.ofDays(3))
                                .toString())
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("start");
        if (starts.isEmpty()) {
            throw new IllegalStateException("no free slot");
        }
        return starts.get(0);
    }

    /** An accepted consult with a booked session, started: IN_SESSION with a real Janus room. */
    public static UUID inSession(Net net) {
        return inSession(net, schedule(net));
    }

    /** The same, in a slot of the specialist's existing CONSULT_SESSION schedule (e.g. the demo data's). */
    public static UUID inSession(Net net, String schedule) {
        UUID id = accepted(net, "ROUTINE");
        as(net.specialist())
                .body(Map.of("scheduleId", schedule, "start", firstSlot(net, schedule)))
                .post("/api/consults/{id}/session", id)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("SCHEDULED"));
        signedIn(net.specialist())
                .post("/api/consults/{id}/session/start", id)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("IN_SESSION"));
        return id;
    }

    /** Stores a copy of pydicom's CT_small.dcm with fresh UIDs as the doctor's hospital; answers its study UID. */
    public static String storeStudy(Net net) throws Exception {
        byte[] dicom =
                Files.readAllBytes(Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm"));
        var random = ThreadLocalRandom.current();
        String stem = "2" + String.format("%013d", random.nextLong(1_000_000_000_000L)) + "."
                + (10000 + random.nextInt(89999));
        byte[] old = "20040119072730.12322".getBytes(StandardCharsets.US_ASCII);
        byte[] fresh = stem.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + old.length <= dicom.length; i++) {
            if (java.util.Arrays.equals(dicom, i, i + old.length, old, 0, old.length)) {
                System.arraycopy(fresh, 0, dicom, i, fresh.length);
            }
        }
        String boundary = "consult-test-boundary";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes());
        body.writeBytes(dicom);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        signedIn(net.doctor())
                .contentType("multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .body(body.toByteArray())
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        return "1.3.6.1.4.1.5962.1.2.1." + stem;
    }
}
