package vn.teleconsult.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.teleconsult.security.AuthorizationMatrixTest.Caller.ADMIN;
import static vn.teleconsult.security.AuthorizationMatrixTest.Caller.COORDINATOR;
import static vn.teleconsult.security.AuthorizationMatrixTest.Caller.HUB_SPECIALIST;
import static vn.teleconsult.security.AuthorizationMatrixTest.Caller.NET_ADMIN;
import static vn.teleconsult.security.AuthorizationMatrixTest.Caller.PATIENT;
import static vn.teleconsult.security.AuthorizationMatrixTest.Caller.SATELLITE_DOCTOR;
import static vn.teleconsult.security.AuthorizationMatrixTest.Caller.SYSTEM;
import static vn.teleconsult.security.AuthorizationMatrixTest.Rel.NONE;
import static vn.teleconsult.security.AuthorizationMatrixTest.Rel.OTHER;
import static vn.teleconsult.security.AuthorizationMatrixTest.Rel.OWN;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.ConsultJanus;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.imaging.dimse.DimseServer;

/**
 * The authorization matrix: for every operation of the application (each of {@code /q/openapi}, the two WebSockets
 * and the DIMSE services), every caller and each relation, the one declaration of the expected answer, checked
 * against the running application with real data for two hospital networks.
 *
 * <p>Callers (all in network A): {@code NET_ADMIN} (an ADMIN without hospital), {@code ADMIN} (satellite A's
 * hospital administrator), {@code COORDINATOR} and {@code HUB_SPECIALIST} (hub A), {@code SATELLITE_DOCTOR}
 * (satellite A), {@code PATIENT} (patient 1) and {@code SYSTEM} (satellite A's system client). Every operation is
 * also called without a token, and must answer 401 unless it is public.
 *
 * <p>Relations, of the object that the operation's path parameters (or, without any, its body or query) name:
 * <ul>
 *   <li>{@code OWN}: belongs to the caller or the caller's hospital: consult A (sent by satellite A to hub A,
 *       assigned to specialist A) and what hangs off it (thread, documents, report, session, room, study, booking);
 *       patient 1's own visit; satellite A and its users, clients and DICOM nodes; hub A's schedules; the caller's
 *       own notification.
 *   <li>{@code OTHER}: the same kind of object in network B (hub B, satellite B, consult B, patient 2's visit at
 *       hub B), to which no caller has any relation.
 *   <li>{@code NONE}: an object in the caller's own network that the caller has no relation to: consult A2 (sent by
 *       satellite A2 to hub A, assigned to specialist A2), patient 2's visit with specialist A2, hub A itself for the
 *       satellite's administrator, satellite A2's doctor's notification. Hub A's coordinator does relate to consult
 *       A2 (its hub's queue, and it assigned it), so that is declared allowed.
 * </ul>
 * An operation whose path names no object has one cell per caller (relation {@code OWN}, or the body names the
 * object of the relation where it says so).
 *
 * <p>Answers: {@code ALLOWED} is any 2xx, or a status the row declares as a domain answer that comes after the
 * access check (a 409 for a step the state does not allow, a 502 from an unreachable PACS); never a 400, since every
 * row sends a valid request. {@code 403} is a role's refusal ({@code @RolesAllowed}, or an action the caller's role
 * may not take on an object it sees); {@code 404} an object the caller may not see, as if it did not exist;
 * {@code INVALID} (400) a request body naming an object outside the caller's reach (a hub the satellite is not linked
 * to, another hospital's practitioner), refused without saying anything of it; {@code REFUSED} (409) STOW-RS's
 * answer for instances of a study that is not the caller's to add to. Where a caller who sees an object is refused
 * by the state machine (409) before its own part is checked, the row says so beside the cell. Each
 * WebSocket cell opens the socket: allowed is its first message, refusals are its close codes (4401 without a
 * token, 4403 not a member); each DIMSE cell runs a DCMTK tool: allowed finds or moves the study, 404 finds none,
 * 401 is a rejected association.
 *
 * <p>The data is made once through the application's own REST API ({@link MatrixWorld}); a cell that changes or ends
 * what it acts on (disabling a client, unlinking a hub, cancelling a booking, closing a room) gets a fresh object of
 * its relation. Reading rows run three at a time, the others one after another; each row's refusals
 * come before its allowed cells.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class AuthorizationMatrixTest {

    /** Who calls. */
    enum Caller {
        NET_ADMIN,
        ADMIN,
        COORDINATOR,
        HUB_SPECIALIST,
        SATELLITE_DOCTOR,
        PATIENT,
        SYSTEM
    }

    /** How the named object relates to the caller. */
    enum Rel {
        OWN,
        OTHER,
        NONE
    }

    /** The expected answer of one cell. */
    enum Answer {
        ALLOWED,
        FORBIDDEN,
        NOT_FOUND,
        UNAUTHORIZED,
        /** 400 for a request body that names an object outside the caller's reach; the answer says nothing of it. */
        INVALID,
        /** 409: STOW-RS's answer (PS3.18) for instances it refuses, with a failure reason and nothing of the study. */
        REFUSED
    }

    /** Builds one cell's request. */
    @FunctionalInterface
    interface Shape {
        RequestSpecification apply(MatrixWorld w, Caller c, Rel r, RequestSpecification spec) throws Exception;
    }

    /** Runs a cell that is no HTTP request (WebSocket, DIMSE); answers an HTTP-like status. */
    @FunctionalInterface
    interface Probe {
        int run(MatrixWorld w, Caller c, Rel r, String token) throws Exception;
    }

    /** One row: an operation, the roles its annotation admits, and the cells that differ from "otherwise". */
    static final class Row {
        final String op;
        final String method;
        final String path;
        final Set<Caller> roles = EnumSet.noneOf(Caller.class);
        final Map<Caller, Map<Rel, Answer>> cells = new EnumMap<>(Caller.class);
        final Map<String, String> params = new HashMap<>();
        final Set<Integer> domain = new TreeSet<>();
        Answer otherwise = Answer.NOT_FOUND;
        boolean relational = true;
        boolean open;
        boolean emptyIsNotFound;
        Integer nobody;
        Shape shape = (w, c, r, s) -> s;
        Probe probe;

        Row(String op) {
            this.op = op;
            int space = op.indexOf(' ');
            this.method = op.substring(0, space);
            this.path = op.substring(space + 1);
        }

        /** The roles that {@code @RolesAllowed} admits; every other caller gets 403 whatever the object. */
        Row roles(Caller... callers) {
            roles.addAll(List.of(callers));
            return this;
        }

        Row allow(Caller caller, Rel... rels) {
            return set(caller, Answer.ALLOWED, rels);
        }

        /** A caller who sees the object but whose role may not take this action on it. */
        Row forbid(Caller caller, Rel... rels) {
            return set(caller, Answer.FORBIDDEN, rels);
        }

        Row set(Caller caller, Answer answer, Rel... rels) {
            roles.add(caller);
            var map = cells.computeIfAbsent(caller, k -> new EnumMap<>(Rel.class));
            for (Rel rel : rels.length == 0 ? Rel.values() : rels) {
                map.put(rel, answer);
            }
            return this;
        }

        Row otherwise(Answer answer) {
            this.otherwise = answer;
            return this;
        }

        /** The path parameter's object kind (see {@link MatrixWorld}). */
        Row param(String name, String kind) {
            params.put(name, kind);
            return this;
        }

        /** A search: an empty result is what an object out of reach gives, and an allowed cell must find it. */
        Row search() {
            emptyIsNotFound = true;
            return this;
        }

        /** The path names no object: one cell per caller. */
        Row single() {
            relational = false;
            return this;
        }

        /** Public: callers with or without a token get an answer that is no 401, 403 or 5xx. */
        Row open() {
            open = true;
            relational = false;
            return this;
        }

        /** No signed-in caller may use it (a machine endpoint with its own secret): every cell is this status. */
        Row nobody(int status) {
            nobody = status;
            relational = false;
            return this;
        }

        /** A status that also counts as allowed: the access check passed and the domain answered (say why). */
        Row domain(int status, String why) {
            if (why.isBlank()) {
                throw new IllegalArgumentException("say why " + status + " counts as allowed");
            }
            domain.add(status);
            return this;
        }

        Row with(Shape shape) {
            this.shape = shape;
            return this;
        }

        Row probe(Probe probe) {
            this.probe = probe;
            return this;
        }

        Answer expected(Caller caller, Rel rel) {
            if (!roles.contains(caller)) {
                return Answer.FORBIDDEN;
            }
            var map = cells.get(caller);
            if (map == null) {
                return otherwise;
            }
            return map.getOrDefault(rel, otherwise);
        }

        boolean allowedStatus(int status) {
            return (status >= 200 && status < 300) || domain.contains(status);
        }
    }

    static Row row(String op) {
        return new Row(op);
    }

    private static final Caller[] STAFF = {COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR};

    private static Map<String, Object> json(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String s(Object o) {
        return String.valueOf(o);
    }

    // ====================================================================================== THE TABLE
    static List<Row> table() {
        var t = new ArrayList<Row>();

        // ---- identity: tokens, profile
        t.add(row("POST /api/auth/token").open().with((w, c, r, s) -> s.formParam("grant_type", "refresh_token")
                .formParam("refresh_token", "not-a-refresh-token")
                .header("X-Forwarded-For", Fixtures.someAddress())));
        t.add(row("POST /api/auth/revoke").open().with((w, c, r, s) -> s.formParam("token", "not-a-token")));
        t.add(row("GET /api/auth/jwks").open());
        t.add(row("GET /api/me")
                .single()
                .roles(Caller.values())
                .allow(NET_ADMIN)
                .allow(ADMIN)
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(PATIENT)
                .set(SYSTEM, Answer.NOT_FOUND)); // "system clients have no user profile"

        // ---- identity: administration. A hospital administrator acts on their own hospital only: others' objects
        // answer 404, creating in another hospital or reading its audit trail 403, changing hospitals and links 403.
        t.add(row("GET /api/admin/clients").single().allow(NET_ADMIN).allow(ADMIN));
        t.add(row("POST /api/admin/clients")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN)
                .forbid(ADMIN, OTHER, NONE)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "name", Fixtures.unique("mx-client"), "hospitalId", s(w.resolve("hospital", c, r))))));
        t.add(row("DELETE /api/admin/clients/{id}")
                .param("id", "client")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN));
        t.add(row("GET /api/admin/users").single().allow(NET_ADMIN).allow(ADMIN));
        t.add(row("GET /api/admin/users/{id}")
                .param("id", "user")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN));
        t.add(row("POST /api/admin/users")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN)
                .forbid(ADMIN, OTHER, NONE)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "username",
                                Fixtures.unique("mx-new"),
                                "fullName",
                                "Bác sĩ Mới",
                                "hospitalId",
                                s(w.resolve("hospital", c, r)),
                                "roles",
                                List.of(r == NONE ? "COORDINATOR" : "SATELLITE_DOCTOR"),
                                "password",
                                MatrixWorld.PASSWORD))));
        t.add(row("PUT /api/admin/users/{id}")
                .param("id", "user")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "fullName",
                                "Người dùng đã sửa",
                                "hospitalId",
                                s(w.resolve("hospital", c, r)),
                                "roles",
                                List.of(r == NONE ? "COORDINATOR" : "SATELLITE_DOCTOR")))));
        t.add(row("PUT /api/admin/users/{id}/password")
                .param("id", "user")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(json("password", MatrixWorld.PASSWORD))));
        t.add(row("POST /api/admin/users/{id}/sign-out")
                .param("id", "user")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN));
        t.add(row("GET /api/admin/audit")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN)
                .forbid(ADMIN, OTHER, NONE)
                .with((w, c, r, s) -> s.queryParam("hospitalId", s(w.resolve("hospital", c, r)))));
        t.add(row("GET /fhir/AuditEvent").single().allow(NET_ADMIN).allow(ADMIN));
        // FHIR directory (docs/security.md, AdminPolicy.readsDirectoryOf): network admins all, a hospital's admin
        // its own, clinical staff and system clients their own and linked hospitals; a link goes with its satellite.
        // "hospital": OWN = satellite A, NONE = hub A, OTHER = satellite B; "user": staff there.
        for (String op : List.of(
                "GET /fhir/Organization/{id}", "GET /fhir/Practitioner/{id}", "GET /fhir/PractitionerRole/{id}")) {
            t.add(row(op).param("id", op.startsWith("GET /fhir/Organization") ? "hospital" : "user")
                    .allow(NET_ADMIN)
                    .allow(ADMIN, OWN)
                    .allow(COORDINATOR, OWN, NONE)
                    .allow(HUB_SPECIALIST, OWN, NONE)
                    .allow(SATELLITE_DOCTOR, OWN, NONE)
                    .allow(SYSTEM, OWN, NONE));
        }
        // "hubLink": OWN = satellite A to hub A, NONE = satellite A2 to hub A, OTHER = satellite B to hub B
        t.add(row("GET /fhir/OrganizationAffiliation/{id}")
                .param("id", "hubLink")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN, NONE)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(SYSTEM, OWN));
        for (String op : List.of(
                "GET /fhir/Organization",
                "GET /fhir/OrganizationAffiliation",
                "GET /fhir/Practitioner",
                "GET /fhir/PractitionerRole")) {
            t.add(row(op).single()
                    .allow(NET_ADMIN)
                    .allow(ADMIN)
                    .allow(COORDINATOR)
                    .allow(HUB_SPECIALIST)
                    .allow(SATELLITE_DOCTOR)
                    .allow(SYSTEM));
        }
        t.add(row("GET /api/admin/hospitals").single().allow(NET_ADMIN).allow(ADMIN));
        t.add(row("GET /api/admin/hospitals/{id}")
                .param("id", "hospital")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN));
        t.add(row("POST /api/admin/hospitals")
                .single()
                .allow(NET_ADMIN)
                .forbid(ADMIN)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "code",
                                Fixtures.unique("MXN"),
                                "name",
                                "Bệnh viện mới",
                                "kind",
                                "SATELLITE",
                                "timeZone",
                                "Asia/Ho_Chi_Minh"))));
        t.add(row("PUT /api/admin/hospitals/{id}")
                .param("id", "hospital")
                .allow(NET_ADMIN)
                .forbid(ADMIN)
                .with((w, c, r, s) -> {
                    var current = as(w.netAdmin)
                            .get("/api/admin/hospitals/{id}", w.resolve("hospital", c, r))
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    return s.contentType(ContentType.JSON)
                            .body(json(
                                    "code",
                                    current.getString("code"),
                                    "name",
                                    current.getString("name"),
                                    "kind",
                                    current.getString("kind"),
                                    "timeZone",
                                    "Asia/Ho_Chi_Minh"));
                }));
        t.add(row("PUT /api/admin/hospitals/{id}/hubs/{hubId}")
                .param("id", "linkSatellite")
                .param("hubId", "linkedHub")
                .allow(NET_ADMIN)
                .forbid(ADMIN));
        t.add(row("DELETE /api/admin/hospitals/{id}/hubs/{hubId}")
                .param("id", "linkSatellite")
                .param("hubId", "linkedHub")
                .allow(NET_ADMIN)
                .forbid(ADMIN));
        t.add(row("GET /api/admin/consults/turnaround")
                .single()
                .allow(NET_ADMIN)
                .allow(ADMIN));
        // media servers serve the whole network: its administrators only
        t.add(row("GET /api/admin/media-servers").single().allow(NET_ADMIN).forbid(ADMIN));
        t.add(row("GET /api/admin/dicom-nodes").single().allow(NET_ADMIN).allow(ADMIN));
        // DICOM nodes: another hospital (even when named in the body) answers 404 (docs/architecture.md)
        t.add(row("POST /api/admin/dicom-nodes")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "hospitalId",
                                s(w.resolve("hospital", c, r)),
                                "aeTitle",
                                MatrixWorld.uniqueAe("NW"),
                                "host",
                                "127.0.0.1",
                                "port",
                                1,
                                "kind",
                                "REMOTE"))));
        t.add(row("PUT /api/admin/dicom-nodes/{id}")
                .param("id", "dicomNode")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "hospitalId",
                                s(w.resolve("hospital", c, r)),
                                "aeTitle",
                                MatrixWorld.uniqueAe("UP"),
                                "host",
                                "127.0.0.1",
                                "port",
                                1,
                                "kind",
                                "REMOTE"))));
        t.add(row("DELETE /api/admin/dicom-nodes/{id}")
                .param("id", "dicomNode")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN));
        t.add(row("POST /api/admin/dicom-nodes/{id}/echo")
                .param("id", "dicomNode")
                .allow(NET_ADMIN)
                .allow(ADMIN, OWN));

        // ---- consult workflow: satellite doctors see their hospital's consults, the hub's staff those sent to it;
        // a specialist writes only on the consults assigned to them (403 on another of their hub's)
        t.add(row("GET /api/consults/hubs").single().allow(SATELLITE_DOCTOR));
        t.add(row("POST /api/consults")
                .allow(SATELLITE_DOCTOR, OWN, NONE)
                .set(SATELLITE_DOCTOR, Answer.INVALID, OTHER) // "hubId: your hospital is not linked to hub ..."
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(consultRequest(w, r))));
        t.add(row("GET /api/consults")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR));
        t.add(consultRead("GET /api/consults/{id}"));
        t.add(row("PUT /api/consults/{id}")
                .param("id", "consult")
                .allow(SATELLITE_DOCTOR, OWN)
                .domain(409, "only a draft changes; consult A is in session")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(consultRequest(w, OWN))));
        t.add(consultWrite("POST /api/consults/{id}/transitions")
                .allow(HUB_SPECIALIST, NONE) // sees its hub's consult; the state machine refuses DRAFT first (409)
                .domain(409, "a step to DRAFT is never legal: the state machine answers after the access check")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(json("to", "DRAFT"))));
        t.add(row("POST /api/consults/{id}/studies")
                .param("id", "consult")
                .allow(SATELLITE_DOCTOR, OWN)
                .domain(409, "studies are added before assignment; consult A is in session")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(json("studyUid", w.cA.study()))));
        t.add(consultRead("GET /api/consults/{id}/messages"));
        t.add(consultWrite("POST /api/consults/{id}/messages")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(json("body", "Đã xem phim."))));
        t.add(consultRead("GET /api/consults/{id}/documents"));
        t.add(consultWrite("POST /api/consults/{id}/documents")
                .with((w, c, r, s) -> s.multiPart("file", "scan.png", MatrixWorld.PNG, "image/png")));
        t.add(consultRead("GET /api/consults/{id}/documents/{documentId}").param("documentId", "document"));
        t.add(consultRead("GET /api/consults/{id}/report"));
        t.add(specialistWrite("PUT /api/consults/{id}/report")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(json("findings", "Bổ sung."))));
        t.add(specialistWrite("POST /api/consults/{id}/report/sign")
                .allow(HUB_SPECIALIST, NONE) // sees its hub's consult; the stale version is refused first (409)
                .domain(409, "signed with a stale version: optimistic locking answers after the access check")
                .with((w, c, r, s) -> s.queryParam("version", 0)));
        t.add(specialistWrite("POST /api/consults/{id}/report/addenda")
                .domain(409, "addenda follow a signed report; consult A's is a draft")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(json("body", "Bổ sung sau ký."))));
        t.add(consultRead("GET /api/consults/{id}/report/pdf").domain(409, "the PDF is of a signed report"));
        t.add(consultWrite("POST /api/consults/{id}/session")
                .allow(HUB_SPECIALIST, NONE) // sees its hub's consult; the state machine refuses first (409)
                .domain(409, "consult A's session is booked and running")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "scheduleId",
                                w.consultSchedA,
                                "start",
                                Instant.now().plusSeconds(86400).toString()))));
        t.add(row("POST /api/consults/{id}/session/start")
                .param("id", "consult")
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN, NONE) // sees its hub's consult; the state machine refuses first (409)
                .domain(409, "consult A is in session already"));
        t.add(row("POST /api/consults/{id}/session/recording")
                .param("id", "consult")
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .forbid(HUB_SPECIALIST, NONE)
                .domain(409, "recording already running")
                .domain(400, "the consent must name every member: checked after access and membership")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "consentedBy",
                                List.of(s(w.docAId), s(w.specAId), s(w.coordAId)),
                                "consentedAt",
                                Instant.now().toString()))));
        t.add(memberRead("GET /api/consults/{id}/session/recordings"));
        t.add(memberRead("GET /api/consults/{id}/session/join"));
        t.add(row("GET /api/consults/notifications")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR));
        t.add(row("POST /api/consults/notifications/{notificationId}/read")
                .param("notificationId", "notification")
                .allow(COORDINATOR, OWN)
                .allow(HUB_SPECIALIST, OWN)
                .allow(SATELLITE_DOCTOR, OWN));
        t.add(consultRead("GET /fhir/ServiceRequest/{id}"));
        t.add(row("GET /fhir/ServiceRequest")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR));
        t.add(consultRead("GET /fhir/Task/{id}"));
        t.add(row("GET /fhir/Task")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR));
        t.add(consultRead("GET /fhir/DiagnosticReport/{id}"));
        t.add(row("GET /fhir/DiagnosticReport")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR));
        // Patient: a consult's patient for whoever sees the consult; a portal patient for themself (and staff who
        // see one of their bookings, FhirResourcesTest). "patient": consults A, A2, B's; patient 1, 2, 2 for PATIENT
        t.add(consultRead("GET /fhir/Patient/{id}")
                .param("id", "patient")
                .roles(PATIENT)
                .allow(PATIENT, OWN));
        t.add(row("GET /fhir/Patient")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(PATIENT));
        // ImagingStudy: seen with a consult it is attached to, and readable in the image store (ImagingPolicy)
        t.add(row("GET /fhir/ImagingStudy/{id}")
                .param("id", "study")
                .roles(STAFF)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN));
        t.add(row("GET /fhir/ImagingStudy")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR));
        // the DICOMweb Endpoints: for those who may use DICOMweb
        t.add(row("GET /fhir/Endpoint/{id}")
                .single()
                .param("id", "endpoint")
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(SYSTEM));
        t.add(row("GET /fhir/Endpoint")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(SYSTEM));

        // ---- video visits: the booking's patient or practitioner only
        t.add(row("POST /api/visits/{bookingId}/join")
                .param("bookingId", "visit")
                .roles(PATIENT, HUB_SPECIALIST, SATELLITE_DOCTOR, COORDINATOR)
                .allow(PATIENT, OWN)
                .allow(HUB_SPECIALIST, OWN)
                .domain(409, "outside the visit's joining window"));

        // ---- imaging: the owning hospital's clinical staff and system clients, and the consult's members
        for (String op : List.of("GET /dicom-web/studies", "GET /dicom-web/series", "GET /dicom-web/instances")) {
            t.add(row(op).single()
                    .allow(COORDINATOR)
                    .allow(HUB_SPECIALIST)
                    .allow(SATELLITE_DOCTOR)
                    .allow(SYSTEM));
        }
        for (String op : List.of(
                "GET /dicom-web/studies/{study}",
                "GET /dicom-web/studies/{study}/metadata",
                "GET /dicom-web/studies/{study}/series/{series}",
                "GET /dicom-web/studies/{study}/series/{series}/metadata",
                "GET /dicom-web/studies/{study}/series/{series}/instances/{instance}",
                "GET /dicom-web/studies/{study}/series/{series}/instances/{instance}/metadata",
                "GET /dicom-web/studies/{study}/series/{series}/instances/{instance}/rendered",
                "GET /dicom-web/studies/{study}/series/{series}/instances/{instance}/thumbnail",
                "GET /dicom-web/studies/{study}/series/{series}/instances/{instance}/frames/{frames}",
                "GET /dicom-web/studies/{study}/series/{series}/instances/{instance}/frames/{frame}/rendered",
                "GET /dicom-web/studies/{study}/series/{series}/instances/{instance}/frames/{frame}/thumbnail")) {
            t.add(studyRead(op));
        }
        for (String op : List.of(
                "GET /dicom-web/studies/{study}/series",
                "GET /dicom-web/studies/{study}/instances",
                "GET /dicom-web/studies/{study}/series/{series}/instances")) {
            t.add(studyRead(op).search());
        }
        t.add(row("POST /dicom-web/studies")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(SYSTEM)
                .with((w, c, r, s) -> s.contentType(MatrixWorld.STOW_TYPE)
                        .body(MatrixWorld.stowBody(MatrixWorld.ctWithFreshUids(new String[1])))));
        t.add(row("POST /dicom-web/studies/{study}")
                .param("study", "study")
                .roles(COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, SYSTEM)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(SYSTEM, OWN)
                .otherwise(Answer.REFUSED) // a study of another hospital's store is not the caller's to add to
                .with((w, c, r, s) -> {
                    byte[] dicom = MatrixWorld.ctInStudy(s(w.resolve("study", c, r)));
                    return s.contentType(MatrixWorld.STOW_TYPE).body(MatrixWorld.stowBody(dicom));
                }));
        t.add(row("GET /api/imaging/pacs")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR));
        t.add(row("GET /api/imaging/pacs/{node}/studies")
                .param("node", "pacsNode")
                .allow(COORDINATOR, OWN)
                .allow(HUB_SPECIALIST, OWN)
                .allow(SATELLITE_DOCTOR, OWN)
                .domain(502, "the hospital's PACS is not reachable: the node was found for the caller first")
                .domain(504, "the hospital's PACS is not reachable: the node was found for the caller first"));
        t.add(row("POST /api/imaging/pacs/{node}/retrievals")
                .param("node", "pacsNode")
                .allow(COORDINATOR, OWN)
                .allow(HUB_SPECIALIST, OWN)
                .allow(SATELLITE_DOCTOR, OWN)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(json("studyUid", "1.2.3.4.7"))));
        t.add(row("GET /api/imaging/pacs/retrievals/{id}")
                .param("id", "retrieval")
                .allow(COORDINATOR, OWN)
                .allow(HUB_SPECIALIST, OWN)
                .allow(SATELLITE_DOCTOR, OWN));
        t.add(row("POST /api/imaging/share-links").allow(COORDINATOR, OWN, NONE).with((w, c, r, s) -> s.contentType(
                        ContentType.JSON)
                .body(json("studyUid", s(w.resolve("study", c, r)), "readerName", "Dr. Reader", "expiresInHours", 1))));
        t.add(row("DELETE /api/imaging/share-links/{id}")
                .param("id", "shareLink")
                .allow(COORDINATOR, OWN));
        t.add(row("GET /share/{token}/metadata").param("token", "shareToken").open());
        t.add(row("GET /share/{token}/instances/{instance}")
                .param("token", "shareToken")
                .open()
                .domain(404, "the shared copy has new UIDs: the original instance UID is unknown to the link")
                .param("instance", "instance"));
        t.add(memberRead("GET /api/imaging/review-sessions/{consultId}")
                .param("consultId", "consult")
                .set(HUB_SPECIALIST, Answer.NOT_FOUND, NONE)); // "no review session of yours"

        // ---- media: the room's participants; a coordinator its hospital's rooms, a system client its hospital's
        t.add(row("GET /api/media/rooms/{id}")
                .param("id", "room")
                .roles(SYSTEM, COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, PATIENT)
                .allow(SYSTEM, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(PATIENT, OWN));
        t.add(row("GET /api/media/rooms/{id}/attendance")
                .param("id", "room")
                .roles(SYSTEM, COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, PATIENT)
                .allow(SYSTEM, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(PATIENT, OWN));
        t.add(row("POST /api/media/rooms/{id}/grants")
                .param("id", "room")
                .roles(COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, PATIENT)
                .allow(COORDINATOR, OWN, NONE) // hub A's coordinator assigned consult A2: a member of its room
                .allow(HUB_SPECIALIST, OWN)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(PATIENT, OWN)
                .domain(409, "the patient waits in the lobby until admitted"));
        t.add(row("GET /api/media/rooms/{id}/recordings")
                .param("id", "room")
                .roles(SYSTEM, COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, PATIENT)
                .allow(SYSTEM, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(PATIENT, OWN));
        t.add(row("GET /api/media/rooms/{id}/recordings/{fileId}")
                .param("id", "room")
                .param("fileId", "recordingFile")
                .roles(SYSTEM, COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, PATIENT)
                .otherwise(Answer.NOT_FOUND));
        // a recording is asked for by the room's operators or its host, then each participant consents for themself
        t.add(row("POST /api/media/rooms/{id}/recording")
                .param("id", "room")
                .roles(SYSTEM, COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR)
                .allow(SYSTEM, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN) // consult A's specialist hosts its room
                .forbid(SATELLITE_DOCTOR, OWN) // a participant who is not the host
                .domain(409, "a recording was asked for already: the room and the caller were checked first"));
        t.add(row("POST /api/media/rooms/{id}/recording/consent")
                .param("id", "room")
                .roles(COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, PATIENT)
                .allow(COORDINATOR, OWN, NONE) // hub A's coordinator is a member of both consult rooms
                .allow(HUB_SPECIALIST, OWN)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(PATIENT, OWN)
                .domain(409, "nothing awaits consent, or it runs already: the caller was found a participant first"));
        t.add(row("POST /api/media/rooms/{id}/lobby").param("id", "visitRoom").allow(PATIENT, OWN));
        t.add(row("GET /api/media/rooms/{id}/lobby")
                .param("id", "visitRoom")
                .roles(HUB_SPECIALIST, SATELLITE_DOCTOR)
                .allow(HUB_SPECIALIST, OWN));
        t.add(row("POST /api/media/rooms/{id}/lobby/{userId}/admit")
                .param("id", "visitRoom")
                .param("userId", "lobbyUser")
                .roles(HUB_SPECIALIST, SATELLITE_DOCTOR)
                .allow(HUB_SPECIALIST, OWN));
        t.add(row("DELETE /api/media/rooms/{id}")
                .param("id", "freshRoom")
                .roles(SYSTEM, COORDINATOR)
                .allow(SYSTEM, OWN)
                .allow(COORDINATOR, OWN, NONE));
        t.add(row("POST /api/media/janus-events").nobody(401));

        // ---- scheduling
        t.add(row("GET /api/scheduling/public/services").open());
        t.add(row("GET /api/scheduling/public/slots").open());
        t.add(row("GET /fhir/metadata").open());
        t.add(row("GET /api/scheduling/slots")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(NET_ADMIN)
                .allow(ADMIN)
                .allow(PATIENT)
                .with((w, c, r, s) -> s.queryParam("schedule", w.consultSchedA)
                        .queryParam("from", Instant.now().toString())
                        .queryParam("to", Instant.now().plusSeconds(86400).toString())));
        t.add(row("GET /api/scheduling/bookable").single().allow(COORDINATOR).allow(HUB_SPECIALIST));
        t.add(row("POST /api/scheduling/schedules")
                .roles(COORDINATOR, HUB_SPECIALIST)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .forbid(HUB_SPECIALIST, NONE, OTHER)
                .set(
                        COORDINATOR,
                        Answer.INVALID,
                        OTHER) // "practitionerId: no active staff member ... at your hospital"
                .with((w, c, r, s) ->
                        s.contentType(ContentType.JSON).body(scheduleBody(s(w.resolve("practitioner", c, r))))));
        t.add(row("GET /api/scheduling/schedules")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(NET_ADMIN)
                .allow(ADMIN)
                // a network administrator has no hospital of their own: they name the one to list
                .with((w, c, r, s) -> c == NET_ADMIN ? s.queryParam("hospital", w.hubA.toString()) : s));
        // a hospital's schedules are read by its own staff, doctors of satellites linked to it and network
        // administrators; for anyone else the schedule does not exist (satellite A's administrator: hub A's is not
        // theirs)
        t.add(row("GET /api/scheduling/schedules/{id}")
                .param("id", "schedule")
                .roles(ADMIN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN, NONE)
                .allow(SATELLITE_DOCTOR, OWN, NONE)
                .allow(NET_ADMIN));
        t.add(row("POST /api/scheduling/schedules/{id}/rules")
                .param("id", "schedule")
                .roles(COORDINATOR, HUB_SPECIALIST)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .forbid(HUB_SPECIALIST, NONE)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(ruleBody())));
        t.add(row("POST /api/scheduling/resources")
                .single()
                .allow(COORDINATOR)
                .roles(HUB_SPECIALIST)
                .forbid(HUB_SPECIALIST)
                .with((w, c, r, s) ->
                        s.contentType(ContentType.JSON).body(json("kind", "ROOM", "name", Fixtures.unique("Phòng")))));
        t.add(row("POST /api/scheduling/resources/{id}/exceptions")
                .param("id", "practitioner")
                .roles(COORDINATOR, HUB_SPECIALIST)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .forbid(HUB_SPECIALIST, NONE)
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "start",
                                Instant.now().plusSeconds(40 * 86400).toString(),
                                "end",
                                Instant.now().plusSeconds(40 * 86400 + 3600).toString(),
                                "reason",
                                "Hội nghị"))));
        t.add(row("POST /api/scheduling/oncall")
                .allow(COORDINATOR, OWN, NONE)
                .set(COORDINATOR, Answer.INVALID, OTHER) // "practitionerId: no active specialist ... at your hub"
                .with((w, c, r, s) -> {
                    Instant start = Instant.now()
                            .plusSeconds(50L * 86400
                                    + java.util.concurrent.ThreadLocalRandom.current()
                                                    .nextInt(1000)
                                            * 7200L);
                    return s.contentType(ContentType.JSON)
                            .body(json(
                                    "practitionerId",
                                    s(w.resolve("practitioner", c, r)),
                                    "specialty",
                                    Fixtures.unique("Trực"),
                                    "start",
                                    start.toString(),
                                    "end",
                                    start.plusSeconds(3600).toString()));
                }));
        t.add(row("GET /api/scheduling/oncall")
                .roles(COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN, NONE)
                .allow(SATELLITE_DOCTOR, OWN, NONE)
                .with((w, c, r, s) ->
                        s.queryParam("hub", s(w.resolve("hub", c, r))).queryParam("specialty", "Tim mạch")));
        // bookings: booking with a schedule the caller may use (a patient any hospital's visits; a satellite its
        // linked hubs; hub staff their own hub's)
        for (String op : List.of("POST /api/scheduling/holds", "POST /api/scheduling/bookings")) {
            t.add(row(op).roles(COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, PATIENT)
                    .allow(PATIENT)
                    .allow(SATELLITE_DOCTOR, OWN, NONE)
                    .allow(COORDINATOR, OWN, NONE)
                    .allow(HUB_SPECIALIST, OWN, NONE)
                    .otherwise(Answer.FORBIDDEN)
                    .with((w, c, r, s) -> {
                        String schedule = s(w.resolve("schedule", c, r));
                        boolean visit = c == PATIENT;
                        String start =
                                MatrixWorld.freeSlot(w.netAdmin, schedule, visit ? "PATIENT_VISIT" : "CONSULT_SESSION");
                        return s.contentType(ContentType.JSON)
                                .body(
                                        visit
                                                ? json("scheduleId", schedule, "start", start, "mode", "IN_PERSON")
                                                : json("scheduleId", schedule, "start", start, "mode", "VIDEO"));
                    }));
        }
        t.add(row("GET /api/scheduling/bookings/mine")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(PATIENT));
        t.add(bookingAccess("GET /api/scheduling/bookings/{id}", "booking"));
        t.add(bookingAccess("POST /api/scheduling/bookings/{id}/cancel", "freshBooking")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body(json("reason", "Bận việc đột xuất"))));
        t.add(bookingAccess("POST /api/scheduling/bookings/{id}/reschedule", "freshBooking")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON)
                        .body(json(
                                "start",
                                MatrixWorld.freeSlot(
                                        w.netAdmin,
                                        s(w.resolve("schedule", c, r)),
                                        c == PATIENT ? "PATIENT_VISIT" : "CONSULT_SESSION")))));
        t.add(row("POST /api/scheduling/bookings/{id}/no-show")
                .param("id", "freshBooking")
                .roles(COORDINATOR, HUB_SPECIALIST)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN, NONE)
                .domain(409, "a booking that has not started is no no-show")
                .with((w, c, r, s) -> s.contentType(ContentType.JSON).body("{}")));
        t.add(row("GET /fhir/Schedule/{id}")
                .param("id", "schedule")
                .roles(ADMIN, SYSTEM)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN, NONE)
                .allow(SATELLITE_DOCTOR, OWN, NONE)
                .allow(NET_ADMIN));
        t.add(row("GET /fhir/Schedule")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(NET_ADMIN)
                .allow(ADMIN)
                .allow(SYSTEM));
        t.add(row("GET /fhir/Slot/{id}")
                .single()
                .param("id", "slot")
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(PATIENT)
                .allow(SYSTEM));
        t.add(row("GET /fhir/Slot")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(PATIENT)
                .allow(SYSTEM)
                .with((w, c, r, s) -> s.queryParam("schedule", "Schedule/" + w.visitSchedA)));
        t.add(bookingAccess("GET /fhir/Appointment/{id}", "booking"));
        t.add(row("GET /fhir/Appointment")
                .single()
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(PATIENT));
        t.add(row("POST /fhir/Appointment")
                .roles(COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, PATIENT)
                .allow(PATIENT)
                .allow(SATELLITE_DOCTOR, OWN, NONE)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN, NONE)
                .otherwise(Answer.FORBIDDEN)
                .with((w, c, r, s) -> {
                    String schedule = s(w.resolve("schedule", c, r));
                    boolean visit = c == PATIENT;
                    String start =
                            MatrixWorld.freeSlot(w.netAdmin, schedule, visit ? "PATIENT_VISIT" : "CONSULT_SESSION");
                    return s.contentType("application/fhir+json").body(appointment(c, schedule, start));
                }));
        t.add(bookingAccess("PUT /fhir/Appointment/{id}", "freshBooking")
                .domain(409, "the requested change is not allowed in the booking's state")
                .domain(422, "the requested change is not allowed in the booking's state")
                .with((w, c, r, s) -> s.contentType("application/fhir+json")
                        .body("{\"resourceType\":\"Appointment\",\"status\":\"cancelled\","
                                + "\"cancelationReason\":{\"text\":\"Bận\"}}")));

        // ---- the two WebSockets
        // a socket has no role annotation: a caller who is no member of the consult's open session is refused 4403
        t.add(row("WS /api/imaging/review/{consultId}")
                .param("consultId", "consult")
                .roles(Caller.values())
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .set(SYSTEM, Answer.UNAUTHORIZED) // a system client is nobody's member: its token is refused, 4401
                .probe(MatrixProbes::review));
        t.add(row("WS /api/media/ws")
                .single()
                .roles(Caller.values())
                .allow(NET_ADMIN)
                .allow(ADMIN)
                .allow(COORDINATOR)
                .allow(HUB_SPECIALIST)
                .allow(SATELLITE_DOCTOR)
                .allow(PATIENT)
                .set(SYSTEM, Answer.UNAUTHORIZED) // notices go to people: a system client's token is refused, 4401
                .probe(MatrixProbes::media));

        // ---- DIMSE: a calling AE title acts as a SYSTEM actor of its registered hospital. OWN: satellite A's AE
        // and study A; OTHER: satellite A's AE and study B; NONE: an AE title registered nowhere (rejected, 401)
        for (String op : List.of("DIMSE C-ECHO", "DIMSE C-STORE", "DIMSE C-FIND", "DIMSE C-MOVE", "DIMSE C-GET")) {
            boolean echoOrStore = op.endsWith("ECHO") || op.endsWith("STORE");
            var dimse = row(op).roles(SYSTEM).allow(SYSTEM, OWN).set(SYSTEM, Answer.UNAUTHORIZED, NONE);
            if (echoOrStore) {
                dimse.allow(SYSTEM, OTHER); // names no study: satellite A's AE echoes and stores into its own store
            }
            t.add(dimse.probe(MatrixProbes.dimse(op.substring(6))));
        }
        return t;
    }

    // ---------------------------------------------------------------- row templates

    /** Read a consult or what hangs off it: its satellite's doctors, its hub's coordinators and specialists. */
    private static Row consultRead(String op) {
        return row(op).param("id", "consult")
                .roles(STAFF)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN, NONE);
    }

    /** Write on a consult's thread: its satellite's doctors, its hub's coordinators, its own specialist. */
    private static Row consultWrite(String op) {
        return row(op).param("id", "consult")
                .roles(STAFF)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .forbid(HUB_SPECIALIST, NONE);
    }

    /** The assigned specialist's own writing (the report). */
    private static Row specialistWrite(String op) {
        return row(op).param("id", "consult").allow(HUB_SPECIALIST, OWN).forbid(HUB_SPECIALIST, NONE);
    }

    /** For the consult's members (requester, its coordinator, its specialist); others who see it 403. */
    private static Row memberRead(String op) {
        return row(op).param("id", "consult")
                .roles(STAFF)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN)
                .forbid(HUB_SPECIALIST, NONE);
    }

    /** A study: its hospital's staff and system clients and the members of a consult it belongs to. */
    private static Row studyRead(String op) {
        return row(op).param("study", "study")
                .param("series", "series")
                .param("instance", "instance")
                .param("frames", "frame")
                .param("frame", "frame")
                .roles(COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, SYSTEM)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(SYSTEM, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN);
    }

    /** A booking: its participants and its hospital's coordinators and specialists. */
    private static Row bookingAccess(String op, String kind) {
        return row(op).param("id", kind)
                .roles(COORDINATOR, HUB_SPECIALIST, SATELLITE_DOCTOR, PATIENT)
                .allow(PATIENT, OWN)
                .allow(SATELLITE_DOCTOR, OWN)
                .allow(COORDINATOR, OWN, NONE)
                .allow(HUB_SPECIALIST, OWN, NONE);
    }

    private static Map<String, Object> consultRequest(MatrixWorld w, Rel r) {
        return MatrixWorld.consultBody(w.netFor(r), null);
    }

    private static Map<String, Object> scheduleBody(String practitioner) {
        return json(
                "practitionerId",
                practitioner,
                "kind",
                "CONSULT_SESSION",
                "serviceCode",
                Fixtures.unique("svc"),
                "specialty",
                "Tim mạch",
                "modes",
                List.of("VIDEO"),
                "slotMinutes",
                30,
                "minNoticeMinutes",
                0,
                "rules",
                List.of(ruleBody()));
    }

    private static String appointment(Caller c, String schedule, String start) {
        String slot = schedule + "-" + Instant.parse(start).getEpochSecond();
        return "{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"slot\":[{\"reference\":\"Slot/" + slot
                + "\"}],\"appointmentType\":{\"coding\":[{\"system\":\"urn:teleconsult:visit-mode\",\"code\":\""
                + (c == PATIENT ? "IN_PERSON" : "VIDEO") + "\"}]}}";
    }

    private static final java.util.concurrent.atomic.AtomicInteger DAYS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A one-day rule far ahead, a different day each time, so that no two overlap. */
    private static Map<String, Object> ruleBody() {
        String day = LocalDate.now().plusDays(60 + DAYS.incrementAndGet()).toString();
        // consult-session schedules of the matrix end at 23:00 every day, visit schedules today
        return json("rrule", "FREQ=DAILY", "start", "23:00", "end", "23:30", "validFrom", day, "validUntil", day);
    }

    private static RequestSpecification as(String token) {
        return MatrixWorld.as(token);
    }

    // ====================================================================================== THE RUN

    @Inject
    Fixtures fixtures;

    @Inject
    DimseServer dimse;

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    @Test
    void shouldAnswerEveryOperationForEveryCallerAndRelationAsDeclared() throws Exception {
        List<Row> table = table();
        var problems = new ArrayList<String>();
        checkCoverage(table, problems);

        long started = System.nanoTime();
        MatrixWorld w = new MatrixWorld().build(fixtures, dimse.port());
        MatrixProbes.dimsePort = dimse.port();
        MatrixProbes.dimseAe = dimse.aeTitle();
        long built = System.nanoTime();

        var counted = new java.util.concurrent.atomic.AtomicInteger();
        var found = new java.util.concurrent.ConcurrentHashMap<Integer, List<String>>();
        // reading rows (GET, WebSocket, DIMSE) run three at a time, each row's cells in order; then the rows that
        // change something, one at a time, so that no change races another row's cell
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (int index = 0; index < table.size(); index++) {
            Row row = table.get(index);
            int at = index;
            if (!row.method.equals("POST") && !row.method.equals("PUT") && !row.method.equals("DELETE")) {
                futures.add(pool.submit(() -> found.put(at, runRow(w, row, counted))));
            }
        }
        for (var future : futures) {
            future.get(10, java.util.concurrent.TimeUnit.MINUTES);
        }
        pool.shutdown();
        for (int index = 0; index < table.size(); index++) {
            Row row = table.get(index);
            if (row.method.equals("POST") || row.method.equals("PUT") || row.method.equals("DELETE")) {
                found.put(index, runRow(w, row, counted));
            }
        }
        for (int index = 0; index < table.size(); index++) {
            problems.addAll(found.getOrDefault(index, List.of()));
        }
        int cells = counted.get();
        long done = System.nanoTime();
        System.out.printf(
                "Authorization matrix: %d operations, %d cells checked (data %d ms, cells %d ms)%n",
                table.size(), cells, (built - started) / 1_000_000, (done - built) / 1_000_000);
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + cells + " cells differ from the table:\n" + String.join("\n", problems));
        }
    }

    /** Runs the row's cells, refusals first; answers the cells that differ. */
    private List<String> runRow(MatrixWorld w, Row row, java.util.concurrent.atomic.AtomicInteger counted) {
        var problems = new ArrayList<String>();
        var plan = new ArrayList<Cell>();
        if (row.open) {
            plan.add(new Cell(null, OWN, Answer.ALLOWED));
        } else if (row.nobody != null) {
            plan.add(new Cell(null, OWN, Answer.UNAUTHORIZED));
            for (Caller c : Caller.values()) {
                plan.add(new Cell(c, OWN, null));
            }
        } else {
            plan.add(new Cell(null, OWN, Answer.UNAUTHORIZED));
            for (Caller c : Caller.values()) {
                for (Rel r : row.relational ? Rel.values() : new Rel[] {OWN}) {
                    plan.add(new Cell(c, r, row.expected(c, r)));
                }
            }
        }
        // refusals first, so that an allowed change (a cancellation, a closed room) cannot hide one
        plan.sort((a, b) -> Boolean.compare(a.expected == Answer.ALLOWED, b.expected == Answer.ALLOWED));
        for (Cell cell : plan) {
            counted.incrementAndGet();
            String got;
            try {
                got = run(w, row, cell);
            } catch (Exception | AssertionError e) {
                got = "error " + e;
            }
            if (got != null) {
                problems.add(row.op + " | " + (cell.caller == null ? "no token" : cell.caller) + " | "
                        + (row.relational && cell.caller != null ? cell.rel : "-") + " | expected "
                        + describe(row, cell) + " | got " + got);
            }
        }
        return problems;
    }

    private record Cell(Caller caller, Rel rel, Answer expected) {}

    private static String describe(Row row, Cell cell) {
        if (row.nobody != null && cell.caller != null) {
            return Integer.toString(row.nobody);
        }
        if (row.open) {
            return "public (no 401/403/5xx)";
        }
        return switch (cell.expected) {
            case ALLOWED -> "allowed (2xx" + (row.domain.isEmpty() ? "" : " or " + row.domain) + ")";
            case FORBIDDEN -> "403";
            case NOT_FOUND -> "404";
            case UNAUTHORIZED -> "401";
            case INVALID -> "400";
            case REFUSED -> "409";
        };
    }

    /** Runs one cell; answers null when it matches, else what it got. */
    private String run(MatrixWorld w, Row row, Cell cell) throws Exception {
        String token = cell.caller == null ? null : w.tokens.get(cell.caller);
        Caller perspective = cell.caller == null ? SATELLITE_DOCTOR : cell.caller;
        int status;
        String body = "";
        if (row.probe != null) {
            status = row.probe.run(w, perspective, cell.rel, token);
        } else {
            RequestSpecification spec = token == null ? given() : given().auth().oauth2(token);
            var params = new HashMap<String, Object>();
            Matcher m = PARAM.matcher(row.path);
            while (m.find()) {
                String name = m.group(1);
                String kind = row.params.get(name);
                if (kind == null) {
                    throw new IllegalStateException(row.op + ": no object kind for {" + name + "}");
                }
                params.put(name, w.resolve(kind, perspective, cell.rel));
            }
            spec = row.shape.apply(w, perspective, cell.rel, spec.pathParams(params));
            Response response = spec.request(row.method, row.path);
            status = response.statusCode();
            body = response.asString();
        }
        boolean ok;
        if (row.open) {
            ok = status != 401 && status != 403 && status < 500;
        } else if (row.nobody != null && cell.caller != null) {
            ok = status == row.nobody;
        } else {
            ok = switch (cell.expected) {
                case ALLOWED -> row.allowedStatus(status);
                case FORBIDDEN -> status == 403;
                case NOT_FOUND -> status == 404;
                case UNAUTHORIZED -> status == 401;
                case INVALID -> status == 400;
                case REFUSED -> status == 409;
            };
            if (row.emptyIsNotFound && status >= 200 && status < 300) {
                boolean empty = body.isBlank() || body.trim().equals("[]");
                ok = cell.expected == Answer.NOT_FOUND ? empty : cell.expected == Answer.ALLOWED && !empty;
            }
        }
        if (ok) {
            return null;
        }
        return status
                + (body.isEmpty()
                        ? ""
                        : " " + body.substring(0, Math.min(160, body.length())).replace('\n', ' '));
    }

    /** Every operation of /q/openapi has a row, and every HTTP row is an operation there. */
    private static void checkCoverage(List<Row> table, List<String> problems) {
        JsonPath openapi = given().accept("application/json")
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        var operations = new TreeSet<String>();
        for (var path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options")
                        .contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        var listed = new TreeSet<String>();
        for (Row row : table) {
            if (!listed.add(row.op)) {
                problems.add("the table lists " + row.op + " twice");
            }
        }
        for (String op : operations) {
            if (!listed.contains(op)) {
                problems.add("operation " + op + " has no row in the authorization matrix");
            }
        }
        for (String op : listed) {
            if (!op.startsWith("WS ") && !op.startsWith("DIMSE ") && !operations.contains(op)) {
                problems.add("the table lists " + op + ", which /q/openapi does not have");
            }
        }
    }
}
