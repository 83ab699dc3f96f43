package vn.teleconsult.security;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.teleconsult.consult.ConsultNetwork;
import vn.teleconsult.consult.ConsultNetwork.Net;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.security.AuthorizationMatrixTest.Caller;
import vn.teleconsult.security.AuthorizationMatrixTest.Rel;

/**
 * The data of the authorization matrix: two hospital networks made through the application's own REST API, and
 * for each kind of object that a path parameter or body names, which object is OWN, OTHER or NONE for each caller.
 * See {@link AuthorizationMatrixTest} for the definitions.
 */
final class MatrixWorld {

    static final String PASSWORD = "Matrix-pass-7f3k2q9z-long";
    private static final String CT_SMALL = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";

    /** One kind of object: the caller's own, the other network's, and one in the caller's network unrelated to it. */
    static final class Kind {
        Function<Caller, Object> own = c -> null;
        Function<Caller, Object> other = c -> null;
        Function<Caller, Object> none = c -> null;

        Object get(Caller caller, Rel rel) {
            Object value =
                    switch (rel) {
                        case OWN -> own.apply(caller);
                        case OTHER -> other.apply(caller);
                        case NONE -> none.apply(caller);
                    };
            // a Supplier makes a fresh object for each cell (operations that change or end what they act on)
            return value instanceof Supplier<?> s ? s.get() : value;
        }
    }

    private final Map<String, Kind> kinds = new HashMap<>();
    final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    // network A: hub A, satellites A and A2 linked to it; network B: hub B, satellite B
    UUID hubA;
    UUID satA;
    UUID satA2;
    UUID hubB;
    UUID satB;
    String netAdmin;
    String adminA;
    String adminB;
    String coordA;
    String coordB;
    String specA;
    String specA2;
    String specB;
    String docA;
    String docA2;
    String docB;
    String p1;
    String p2;
    UUID coordAId;
    UUID specAId;
    UUID specA2Id;
    UUID specBId;
    UUID docAId;
    UUID docA2Id;
    UUID docBId;
    UUID p1Id;
    UUID p2Id;
    String sysA;
    String sysB;
    Net netA;
    Net netA2;
    Net netB;
    Consult cA;
    Consult cA2;
    Consult cB;
    String consultSchedA;
    String consultSchedA2;
    String consultSchedB;
    String visitSchedA;
    String visitSchedA2;
    String visitSchedB;
    String aeA;
    String aeB;
    int aeAPort;

    /** A consult carried to IN_SESSION with everything its sub-resources need. */
    record Consult(
            UUID id,
            String study,
            String series,
            String instance,
            UUID booking,
            UUID room,
            String document,
            String remoteNode,
            String retrieval) {}

    Kind kind(String name) {
        Kind k = kinds.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no object kind " + name);
        }
        return k;
    }

    Object resolve(String kind, Caller caller, Rel rel) {
        return kind(kind).get(caller, rel);
    }

    private Kind define(String name) {
        return kinds.computeIfAbsent(name, n -> new Kind());
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    // ---------------------------------------------------------------- building the two networks

    MatrixWorld build(Fixtures fixtures, int dimsePort) throws Exception {
        netAdmin = Fixtures.token(fixtures.user(Role.ADMIN, null));
        hubA = hospital("HUB");
        satA = hospital("SATELLITE");
        satA2 = hospital("SATELLITE");
        hubB = hospital("HUB");
        satB = hospital("SATELLITE");
        link(satA, hubA);
        link(satA2, hubA);
        link(satB, hubB);

        adminA = user("ADMIN", satA);
        adminB = user("ADMIN", satB);
        coordA = user("COORDINATOR", hubA);
        coordB = user("COORDINATOR", hubB);
        specA = user("HUB_SPECIALIST", hubA);
        specA2 = user("HUB_SPECIALIST", hubA);
        specB = user("HUB_SPECIALIST", hubB);
        docA = user("SATELLITE_DOCTOR", satA);
        docA2 = user("SATELLITE_DOCTOR", satA2);
        docB = user("SATELLITE_DOCTOR", satB);
        p1 = user("PATIENT", null);
        p2 = user("PATIENT", null);
        coordAId = me(coordA);
        specAId = me(specA);
        specA2Id = me(specA2);
        specBId = me(specB);
        docAId = me(docA);
        docA2Id = me(docA2);
        docBId = me(docB);
        p1Id = me(p1);
        p2Id = me(p2);
        sysA = systemToken(satA);
        sysB = systemToken(satB);
        UUID coordBId = me(coordB);

        tokens.put(Caller.NET_ADMIN, netAdmin);
        tokens.put(Caller.ADMIN, adminA);
        tokens.put(Caller.COORDINATOR, coordA);
        tokens.put(Caller.HUB_SPECIALIST, specA);
        tokens.put(Caller.SATELLITE_DOCTOR, docA);
        tokens.put(Caller.PATIENT, p1);
        tokens.put(Caller.SYSTEM, sysA);

        netA = new Net(hubA, satA, coordAId, coordA, specAId, specA, specA2Id, specA2, docAId, docA, docB, netAdmin);
        netA2 = new Net(
                hubA, satA2, coordAId, coordA, specA2Id, specA2, specAId, specA, docA2Id, docA2, docB, netAdmin);
        netB = new Net(hubB, satB, coordBId, coordB, specBId, specB, specBId, specB, docBId, docB, docA, netAdmin);

        consultSchedA = consultSchedule(specA, specAId);
        consultSchedA2 = consultSchedule(specA2, specA2Id);
        consultSchedB = consultSchedule(specB, specBId);
        visitSchedA = ConsultNetwork.visitSchedule(specA, specAId, LocalDate.now(ZONE));
        visitSchedA2 = ConsultNetwork.visitSchedule(specA2, specA2Id, LocalDate.now(ZONE));
        visitSchedB = ConsultNetwork.visitSchedule(specB, specBId, LocalDate.now(ZONE));

        cA = consult(netA, satA, consultSchedA);
        cA2 = consult(netA2, satA2, consultSchedA2);
        cB = consult(netB, satB, consultSchedB);

        // DIMSE callers: an AE title for hospital A's satellite (with a port, as a C-MOVE destination) and for B's
        aeA = "MXA" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        aeB = "MXB" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        aeAPort = vn.teleconsult.consult.ConsultJanus.freePort();
        node(satA, aeA, "127.0.0.1", aeAPort, "CALLING");
        node(satB, aeB, null, null, "CALLING");

        defineKinds(fixtures, dimsePort);
        return this;
    }

    private UUID hospital(String kind) {
        String code = Fixtures.unique("MX" + kind.charAt(0));
        return UUID.fromString(as(netAdmin)
                .body(Map.of("code", code, "name", "Bệnh viện " + code, "kind", kind, "timeZone", "Asia/Ho_Chi_Minh"))
                .post("/api/admin/hospitals")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private void link(UUID satellite, UUID hub) {
        as(netAdmin)
                .put("/api/admin/hospitals/{id}/hubs/{hub}", satellite, hub)
                .then()
                .statusCode(200);
    }

    /** A user made by the network administrator; answers the user's access token. */
    private String user(String role, UUID hospital) {
        String name = Fixtures.unique("mx-" + role.toLowerCase());
        var body = new HashMap<String, Object>();
        body.put("username", name);
        body.put("fullName", "Người dùng " + name);
        body.put("roles", List.of(role));
        body.put("password", PASSWORD);
        if (hospital != null) {
            body.put("hospitalId", hospital.toString());
        }
        if (role.equals("HUB_SPECIALIST")) {
            body.put("specialty", "Tim mạch");
        }
        as(netAdmin).body(body).post("/api/admin/users").then().statusCode(201);
        return given().formParam("grant_type", "password")
                .formParam("username", name)
                .formParam("password", PASSWORD)
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static UUID me(String token) {
        return UUID.fromString(given().auth()
                .oauth2(token)
                .get("/api/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id"));
    }

    /** A system client of the hospital; answers its access token. */
    private String systemToken(UUID hospital) {
        var created = as(netAdmin)
                .body(Map.of("name", Fixtures.unique("mx-system"), "hospitalId", hospital.toString()))
                .post("/api/admin/clients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return given().auth()
                .preemptive()
                .basic(created.getString("clientId"), created.getString("clientSecret"))
                .formParam("grant_type", "client_credentials")
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private String client(UUID hospital) {
        return as(netAdmin)
                .body(Map.of("name", Fixtures.unique("mx-spare"), "hospitalId", hospital.toString()))
                .post("/api/admin/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String node(UUID hospital, String ae, String host, Integer port, String kind) {
        var body = new HashMap<String, Object>();
        body.put("hospitalId", hospital.toString());
        body.put("aeTitle", ae);
        body.put("kind", kind);
        if (host != null) {
            body.put("host", host);
            body.put("port", port);
        }
        return as(netAdmin)
                .body(body)
                .post("/api/admin/dicom-nodes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String remoteNode(UUID hospital) {
        return node(hospital, uniqueAe("RM"), "127.0.0.1", 1, "REMOTE");
    }

    static String uniqueAe(String prefix) {
        return prefix
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
                        .toUpperCase();
    }

    /** A specialist's consult-session schedule from tomorrow on (today's time is for their video visits). */
    private static String consultSchedule(String token, UUID practitioner) {
        return as(token)
                .body(Map.of(
                        "practitionerId",
                        practitioner.toString(),
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
                                "end", "23:00",
                                "validFrom", LocalDate.now(ZONE).plusDays(1).toString()))))
                .post("/api/scheduling/schedules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private static final java.util.Set<String> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The first free slot of a schedule from now on that no other cell was given, as seen by the token's holder. */
    static String freeSlot(String token, String schedule, String kind) {
        List<String> starts = given().auth()
                .oauth2(token)
                .queryParam("schedule", schedule)
                .queryParam("kind", kind)
                .queryParam("from", Instant.now().plusSeconds(5).toString())
                .queryParam(
                        "to", Instant.now().plus(java.time.Duration.ofDays(3)).toString())
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("start");
        for (String start : starts) {
            if (HANDED_OUT.add(schedule + "@" + start)) {
                return start;
            }
        }
        throw new IllegalStateException("no free slot in schedule " + schedule);
    }

    /** A patient's booked visit (VIDEO, reason I10); answers the booking id. */
    static String visit(String patient, String schedule) {
        return as(patient)
                .body(Map.of(
                        "scheduleId",
                        schedule,
                        "start",
                        freeSlot(patient, schedule, "PATIENT_VISIT"),
                        "mode",
                        "VIDEO",
                        "reasonCode",
                        "I10"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A consult session booked in scheduling by a satellite doctor of a linked satellite; answers its id. */
    static String sessionBooking(String doctor, String schedule) {
        return as(doctor)
                .body(Map.of(
                        "scheduleId",
                        schedule,
                        "start",
                        freeSlot(doctor, schedule, "CONSULT_SESSION"),
                        "mode",
                        "VIDEO"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Opens (or finds) the video visit's room by joining as the patient; answers the room id. */
    static String visitRoom(String patient, String booking) {
        return given().auth()
                .oauth2(patient)
                .post("/api/visits/{id}/join", booking)
                .then()
                .statusCode(200)
                .extract()
                .path("roomId");
    }

    /** A consult of the network's satellite with a study, assigned, accepted, booked and started; with a thread. */
    private Consult consult(Net net, UUID satellite, String schedule) throws Exception {
        String study = storeStudy(net.doctor());
        UUID id = UUID.fromString(ConsultNetwork.as(net.doctor())
                .body(ConsultNetwork.request(net, "ROUTINE", List.of(study)))
                .post("/api/consults")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        ConsultNetwork.transition(net.doctor(), id, Map.of("to", "SUBMITTED")).statusCode(200);
        ConsultNetwork.assign(net.coordinator(), id, net.specialistId()).statusCode(200);
        ConsultNetwork.transition(net.specialist(), id, Map.of("to", "ACCEPTED"))
                .statusCode(200);
        as(net.specialist())
                .body(Map.of("scheduleId", schedule, "start", freeSlot(net.doctor(), schedule, "CONSULT_SESSION")))
                .post("/api/consults/{id}/session", id)
                .then()
                .statusCode(200);
        var started = given().auth()
                .oauth2(net.specialist())
                .post("/api/consults/{id}/session/start", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        as(net.doctor())
                .body(Map.of("body", "Xin ý kiến hội chẩn."))
                .post("/api/consults/{id}/messages", id)
                .then()
                .statusCode(201);
        String document = given().auth()
                .oauth2(net.doctor())
                .multiPart("file", "scan.png", PNG, "image/png")
                .post("/api/consults/{id}/documents", id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(net.specialist())
                .body(Map.of("findings", "Hẹp động mạch vành.", "conclusions", "Theo dõi."))
                .put("/api/consults/{id}/report", id)
                .then()
                .statusCode(200);
        var series = given().auth()
                .oauth2(net.doctor())
                .get("/dicom-web/studies/{study}/instances", study)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String seriesUid = series.getString("[0].'0020000E'.Value[0]");
        String instanceUid = series.getString("[0].'00080018'.Value[0]");
        String remote = remoteNode(satellite);
        String retrieval = as(net.doctor())
                .body(Map.of("studyUid", "1.2.3.4.5"))
                .post("/api/imaging/pacs/{node}/retrievals", remote)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        return new Consult(
                id,
                study,
                seriesUid,
                instanceUid,
                UUID.fromString(started.getString("bookingId")),
                UUID.fromString(started.getString("roomId")),
                document,
                remote,
                retrieval);
    }

    static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        '\r',
        '\n',
        0x1a,
        '\n',
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        2,
        0,
        0,
        0
    };

    /** A copy of pydicom's CT_small.dcm with fresh UIDs (study, series, instance). */
    static byte[] ctWithFreshUids(String[] studyOut) throws Exception {
        byte[] dicom = Files.readAllBytes(Path.of(CT_SMALL));
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
        studyOut[0] = "1.3.6.1.4.1.5962.1.2.1." + stem;
        return dicom;
    }

    /** A new instance (fresh series and SOP Instance UIDs) of an existing study made by {@link #ctWithFreshUids}. */
    static byte[] ctInStudy(String studyUid) throws Exception {
        byte[] dicom = Files.readAllBytes(Path.of(CT_SMALL));
        replace(dicom, "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", studyUid);
        var random = ThreadLocalRandom.current();
        String stem = "2" + String.format("%013d", random.nextLong(1_000_000_000_000L)) + "."
                + (10000 + random.nextInt(89999));
        replace(dicom, "20040119072730.12322", stem);
        return dicom;
    }

    private static void replace(byte[] dicom, String from, String to) {
        byte[] old = from.getBytes(StandardCharsets.US_ASCII);
        byte[] fresh = to.getBytes(StandardCharsets.US_ASCII);
        if (old.length != fresh.length) {
            throw new IllegalArgumentException("UIDs of different lengths: " + from + ", " + to);
        }
        for (int i = 0; i + old.length <= dicom.length; i++) {
            if (java.util.Arrays.equals(dicom, i, i + old.length, old, 0, old.length)) {
                System.arraycopy(fresh, 0, dicom, i, fresh.length);
            }
        }
    }

    static final String BOUNDARY = "matrix-boundary";

    static byte[] stowBody(byte[] dicom) {
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes());
        body.writeBytes(dicom);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes());
        return body.toByteArray();
    }

    static final String STOW_TYPE = "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;

    /** Stores a fresh copy of CT_small as the holder of the token; answers the study UID. */
    static String storeStudy(String token) throws Exception {
        String[] study = new String[1];
        byte[] dicom = ctWithFreshUids(study);
        given().auth()
                .oauth2(token)
                .contentType(STOW_TYPE)
                .body(stowBody(dicom))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        return study[0];
    }

    /** A consult of the network taken to IN_SESSION, for operations that end what they act on; answers it. */
    private UUID freshInSession(Net net, String schedule) {
        UUID id = ConsultNetwork.accepted(net, "ROUTINE");
        as(net.specialist())
                .body(Map.of("scheduleId", schedule, "start", freeSlot(net.doctor(), schedule, "CONSULT_SESSION")))
                .post("/api/consults/{id}/session", id)
                .then()
                .statusCode(200);
        return UUID.fromString(given().auth()
                .oauth2(net.specialist())
                .post("/api/consults/{id}/session/start", id)
                .then()
                .statusCode(200)
                .extract()
                .path("roomId"));
    }

    private static String notification(String token) {
        List<String> ids = given().auth()
                .oauth2(token)
                .get("/api/consults/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        if (ids.isEmpty()) {
            throw new IllegalStateException("no notification for the caller");
        }
        return ids.get(0);
    }

    private String shareLink(String coordinator, String study) {
        return as(coordinator)
                .body(Map.of("studyUid", study, "readerName", "Dr. Reader", "expiresInHours", 1))
                .post("/api/imaging/share-links")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String shareUrl(String coordinator, String study) {
        return as(coordinator)
                .body(Map.of("studyUid", study, "readerName", "Dr. Reader", "expiresInHours", 1))
                .post("/api/imaging/share-links")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
    }

    private static Function<Caller, Object> all(Object value) {
        return c -> value;
    }

    private static Supplier<Object> fresh(Supplier<Object> make) {
        return make;
    }

    // ---------------------------------------------------------------- who owns what

    private void defineKinds(Fixtures fixtures, int dimsePort) throws Exception {
        // consults and what hangs off them: OWN = consult A (sent by satellite A to hub A, specialist A), NONE =
        // consult A2 (sent by satellite A2 to hub A, specialist A2), OTHER = consult B
        Kind consult = define("consult");
        consult.own = all(cA.id());
        consult.none = all(cA2.id());
        consult.other = all(cB.id());
        Kind document = define("document");
        document.own = all(cA.document());
        document.none = all(cA2.document());
        document.other = all(cB.document());
        // studies: the consult's own study, stored in its requesting satellite's store
        Kind study = define("study");
        study.own = all(cA.study());
        study.none = all(cA2.study());
        study.other = all(cB.study());
        Kind series = define("series");
        series.own = all(cA.series());
        series.none = all(cA2.series());
        series.other = all(cB.series());
        Kind instance = define("instance");
        instance.own = all(cA.instance());
        instance.none = all(cA2.instance());
        instance.other = all(cB.instance());
        define("frame").own = all("1");
        kind("frame").none = all("1");
        kind("frame").other = all("1");

        // notifications: the caller's own; NONE = satellite A2's doctor's; OTHER = satellite B's doctor's
        Map<Caller, String> ownNotes = new EnumMap<>(Caller.class);
        ownNotes.put(Caller.COORDINATOR, notification(coordA));
        ownNotes.put(Caller.HUB_SPECIALIST, notification(specA));
        ownNotes.put(Caller.SATELLITE_DOCTOR, notification(docA));
        Kind note = define("notification");
        note.own = ownNotes::get;
        note.none = all(notification(docA2));
        note.other = all(notification(docB));

        // identity: hospitals. The hospital administrator is satellite A's. OWN = satellite A, NONE = hub A
        // (same network, not the caller's), OTHER = satellite B.
        Kind hospital = define("hospital");
        hospital.own = all(satA);
        hospital.none = all(hubA);
        hospital.other = all(satB);
        // FHIR: hub links as OrganizationAffiliations; consult patients (by patient key) or portal patients; the
        // WADO-RS Endpoint
        Kind hubLink = define("hubLink");
        hubLink.own = all(vn.teleconsult.identity.service.HubLinkView.idOf(satA, hubA));
        hubLink.none = all(vn.teleconsult.identity.service.HubLinkView.idOf(satA2, hubA));
        hubLink.other = all(vn.teleconsult.identity.service.HubLinkView.idOf(satB, hubB));
        String keyA = patientKey(docA, cA.id());
        String keyA2 = patientKey(docA2, cA2.id());
        String keyB = patientKey(docB, cB.id());
        Kind patient = define("patient");
        patient.own = c -> c == Caller.PATIENT ? p1Id : keyA;
        patient.none = c -> c == Caller.PATIENT ? p2Id : keyA2;
        patient.other = c -> c == Caller.PATIENT ? p2Id : keyB;
        define("endpoint").own = all("dicom-wado-rs");
        kind("endpoint").none = all("dicom-wado-rs");
        kind("endpoint").other = all("dicom-wado-rs");
        // hub links: a satellite of the relation with a fresh hub linked to it (unlinking must not cut the networks)
        Kind linkedHub = define("linkedHub");
        Function<UUID, Supplier<Object>> freshLink = sat -> fresh(() -> {
            UUID hub = hospital("HUB");
            link(sat, hub);
            return hub;
        });
        linkedHub.own = c -> freshLink.apply(satA);
        linkedHub.none = c -> freshLink.apply(satA2);
        linkedHub.other = c -> freshLink.apply(satB);
        Kind linkSatellite = define("linkSatellite");
        linkSatellite.own = all(satA);
        linkSatellite.none = all(satA2);
        linkSatellite.other = all(satB);
        // users: targets that are nobody's caller; OWN at satellite A, NONE at hub A, OTHER at satellite B
        Kind user = define("user");
        String userA = idOf(user("SATELLITE_DOCTOR", satA));
        String userHubA = idOf(user("COORDINATOR", hubA));
        String userB = idOf(user("SATELLITE_DOCTOR", satB));
        user.own = all(userA);
        user.none = all(userHubA);
        user.other = all(userB);
        // system clients: fresh spare clients (disabling one ends it)
        Kind client = define("client");
        client.own = c -> fresh(() -> client(satA));
        client.none = c -> fresh(() -> client(hubA));
        client.other = c -> fresh(() -> client(satB));
        // DICOM nodes: fresh remote nodes (deleting one ends it); the echo target too
        Kind node = define("dicomNode");
        node.own = c -> fresh(() -> remoteNode(satA));
        node.none = c -> fresh(() -> remoteNode(hubA));
        node.other = c -> fresh(() -> remoteNode(satB));
        // PACS nodes seen by clinical staff: the node of the caller's hospital
        Kind pacs = define("pacsNode");
        String hubANode = remoteNode(hubA);
        pacs.own = c -> c == Caller.SATELLITE_DOCTOR ? cA.remoteNode() : hubANode;
        pacs.none = c -> c == Caller.SATELLITE_DOCTOR ? cA2.remoteNode() : remoteNode(satA2);
        pacs.other = all(cB.remoteNode());
        Kind retrieval = define("retrieval");
        String hubARetrieval = as(coordA)
                .body(Map.of("studyUid", "1.2.3.4.6"))
                .post("/api/imaging/pacs/{node}/retrievals", hubANode)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        retrieval.own = c -> c == Caller.SATELLITE_DOCTOR ? cA.retrieval() : hubARetrieval;
        retrieval.none = all(cA2.retrieval());
        retrieval.other = all(cB.retrieval());
        // share links: made by hub A's coordinator (OWN) or hub B's (OTHER); fresh for revocation
        Kind share = define("shareLink");
        share.own = c -> fresh(() -> shareLink(coordA, cA.study()));
        share.other = c -> fresh(() -> shareLink(coordB, cB.study()));
        share.none = c -> fresh(() -> shareLink(coordB, cB.study()));
        Kind shareToken = define("shareToken");
        String url = shareUrl(coordA, cA.study());
        String token = url.substring(url.lastIndexOf('/') + 1);
        shareToken.own = all(token);
        shareToken.none = all(token);
        shareToken.other = all(token);

        // scheduling: a schedule of the caller's hub's specialist A (OWN), of specialist A2 (NONE), of hub B (OTHER);
        // the consult-session schedule for staff, the visit schedule for patients
        Kind schedule = define("schedule");
        schedule.own = c -> c == Caller.PATIENT ? visitSchedA : consultSchedA;
        schedule.none = c -> c == Caller.PATIENT ? visitSchedA2 : consultSchedA2;
        schedule.other = c -> c == Caller.PATIENT ? visitSchedB : consultSchedB;
        Kind slot = define("slot");
        slot.own = c -> fresh(() -> visitSchedA + "-"
                + Instant.parse(freeSlot(netAdmin, visitSchedA, "PATIENT_VISIT"))
                        .getEpochSecond());
        slot.none = slot.own;
        slot.other = slot.own;
        onCall(coordA, specAId);
        onCall(coordB, specBId);
        Kind practitioner = define("practitioner");
        practitioner.own = all(specAId);
        practitioner.none = all(specA2Id);
        practitioner.other = all(specBId);
        Kind hub = define("hub");
        hub.own = all(hubA);
        hub.none = all(hubA);
        hub.other = all(hubB);
        // bookings. OWN: the patient's own visit (patient 1 with specialist A); for staff, consult A's session.
        // NONE: patient 2's visit with specialist A2 at hub A (staff: consult A2's session). OTHER: in network B.
        String visitA = visit(p1, visitSchedA);
        String visitA2 = visit(p2, visitSchedA2);
        String visitB = visit(p2, visitSchedB);
        Kind booking = define("booking");
        booking.own = c -> c == Caller.PATIENT ? visitA : cA.booking().toString();
        booking.none = c -> c == Caller.PATIENT ? visitA2 : cA2.booking().toString();
        booking.other = c -> c == Caller.PATIENT ? visitB : cB.booking().toString();
        // bookings that an operation changes or ends: fresh ones of the same relation
        Kind freshBooking = define("freshBooking");
        freshBooking.own =
                c -> fresh(() -> c == Caller.PATIENT ? visit(p1, visitSchedA) : sessionBooking(docA, consultSchedA));
        freshBooking.none =
                c -> fresh(() -> c == Caller.PATIENT ? visit(p2, visitSchedA2) : sessionBooking(docA2, consultSchedA2));
        freshBooking.other =
                c -> fresh(() -> c == Caller.PATIENT ? visit(p2, visitSchedB) : sessionBooking(docB, consultSchedB));
        // video visits: OWN = patient 1's visit with specialist A, NONE = patient 2's with A2, OTHER = in network B
        Kind visit = define("visit");
        visit.own = all(visitA);
        visit.none = all(visitA2);
        visit.other = all(visitB);
        // rooms: consult A's room (its members), or for a patient their visit's room
        String roomVA = visitRoom(p1, visitA);
        String roomVA2 = visitRoom(p2, visitA2);
        String roomVB = visitRoom(p2, visitB);
        Kind room = define("room");
        room.own = c -> c == Caller.PATIENT ? roomVA : cA.room().toString();
        room.none = c -> c == Caller.PATIENT ? roomVA2 : cA2.room().toString();
        room.other = c -> c == Caller.PATIENT ? roomVB : cB.room().toString();
        Kind freshRoom = define("freshRoom");
        freshRoom.own = c -> fresh(() -> freshInSession(netA, consultSchedA).toString());
        freshRoom.none = c -> fresh(() -> freshInSession(netA2, consultSchedA2).toString());
        freshRoom.other = c -> fresh(() -> freshInSession(netB, consultSchedB).toString());
        Kind visitRoom = define("visitRoom");
        visitRoom.own = all(roomVA);
        visitRoom.none = all(roomVA2);
        visitRoom.other = all(roomVB);
        Kind lobbyUser = define("lobbyUser");
        lobbyUser.own = all(p1Id);
        lobbyUser.none = all(p2Id);
        lobbyUser.other = all(p2Id);
        Kind file = define("recordingFile");
        file.own = all(UUID.randomUUID());
        file.none = all(UUID.randomUUID());
        file.other = all(UUID.randomUUID());
    }

    /** The pseudonymous patient key of a consult, as its satellite's doctor reads it. */
    private static String patientKey(String doctor, UUID consult) {
        return as(doctor)
                .get("/api/consults/{id}", consult)
                .then()
                .statusCode(200)
                .extract()
                .path("patient.key");
    }

    /** The specialist on call for "Tim mạch" at their hub for the next hours. */
    private static void onCall(String coordinator, UUID specialist) {
        as(coordinator)
                .body(Map.of(
                        "practitionerId",
                        specialist.toString(),
                        "specialty",
                        "Tim mạch",
                        "start",
                        Instant.now().minusSeconds(600).toString(),
                        "end",
                        Instant.now().plusSeconds(4 * 3600).toString()))
                .post("/api/scheduling/oncall")
                .then()
                .statusCode(201);
    }

    private static String idOf(String token) {
        return me(token).toString();
    }

    static Map<String, Object> consultBody(Net net, String study) {
        return ConsultNetwork.request(net, "ROUTINE", study == null ? List.of() : List.of(study));
    }

    /** The hub the relation names for a consult request: OWN = the caller's linked hub, OTHER = hub B. */
    Net netFor(Rel rel) {
        return switch (rel) {
            case OWN -> netA;
            case NONE -> netA2;
            case OTHER -> netB;
        };
    }
}
