package vn.teleconsult.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.ConsultJanus;
import vn.teleconsult.consult.ConsultNetwork;

/**
 * Every kind of FHIR answer the server gives, checked with HAPI's FhirInstanceValidator against R4 core: each
 * resource type read and searched, the CapabilityStatement, and OperationOutcome errors. A new type is one more probe;
 * a type listed in {@code /fhir/metadata} that no probe returns fails the test.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class FhirConformanceTest {

    /** One FHIR request: who asks (null: nobody signed in), the path, the status it must answer. */
    record Probe(String token, String path, int status) {}

    @Inject
    ConsultNetwork network;

    @Test
    void shouldAnswerOnlyResourcesThatPassHapiValidation() throws Exception {
        var net = network.create();
        String schedule = ConsultNetwork.schedule(net);
        UUID consult = ConsultNetwork.inSession(net, schedule);
        writeAndSignReport(net, consult);
        UUID waiting = ConsultNetwork.submitted(net, "URGENT");
        String appointment =
                firstId(net.specialist(), "/fhir/Appointment?practitioner=Practitioner/" + net.specialistId());
        String slot = firstId(net.specialist(), "/fhir/Slot?schedule=" + schedule);
        String study = ConsultNetwork.storeStudy(net);
        UUID withStudy = UUID.fromString(given().auth()
                .oauth2(net.doctor())
                .contentType("application/json")
                .body(ConsultNetwork.request(net, "ROUTINE", List.of(study)))
                .post("/api/consults")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        String patient = firstId(net.doctor(), "/fhir/Patient?_count=1");

        List<Probe> probes = List.of(
                new Probe(null, "/fhir/metadata", 200),
                new Probe(net.coordinator(), "/fhir/Task/" + consult, 200),
                new Probe(net.coordinator(), "/fhir/Task?status=requested,in-progress&_count=1", 200),
                new Probe(net.coordinator(), "/fhir/ServiceRequest/" + waiting, 200),
                new Probe(net.coordinator(), "/fhir/ServiceRequest?_count=1", 200),
                new Probe(net.doctor(), "/fhir/DiagnosticReport/" + consult, 200),
                new Probe(net.admin(), "/fhir/AuditEvent?_count=200", 200),
                new Probe(net.specialist(), "/fhir/Schedule/" + schedule, 200),
                new Probe(net.specialist(), "/fhir/Schedule?_id=" + schedule, 200),
                new Probe(net.specialist(), "/fhir/Slot/" + slot, 200),
                new Probe(net.specialist(), "/fhir/Slot?schedule=" + schedule + "&_count=2", 200),
                new Probe(net.specialist(), "/fhir/Appointment/" + appointment, 200),
                new Probe(net.specialist(), "/fhir/Appointment?_id=" + appointment, 200),
                new Probe(net.doctor(), "/fhir/Organization/" + net.hub(), 200),
                new Probe(net.doctor(), "/fhir/Organization?_count=2", 200),
                new Probe(
                        net.doctor(),
                        "/fhir/OrganizationAffiliation?participating-organization=Organization/" + net.satellite(),
                        200),
                new Probe(net.doctor(), "/fhir/Practitioner/" + net.specialistId(), 200),
                new Probe(net.doctor(), "/fhir/PractitionerRole?practitioner=Practitioner/" + net.specialistId(), 200),
                new Probe(net.doctor(), "/fhir/Patient/" + patient, 200),
                new Probe(net.doctor(), "/fhir/Endpoint/dicom-wado-rs", 200),
                new Probe(net.doctor(), "/fhir/Endpoint", 200),
                new Probe(net.doctor(), "/fhir/ImagingStudy/" + study, 200),
                new Probe(net.doctor(), "/fhir/ImagingStudy?basedon=ServiceRequest/" + withStudy, 200),
                new Probe(net.doctor(), "/fhir/DiagnosticReport?based-on=ServiceRequest/" + consult, 200),
                // errors are OperationOutcomes
                new Probe(net.coordinator(), "/fhir/Task?bogus=1", 400),
                new Probe(net.coordinator(), "/fhir/Task/" + UUID.randomUUID(), 404),
                new Probe(null, "/fhir/Task", 401),
                new Probe(net.doctor(), "/fhir/AuditEvent", 403));

        var failures = new ArrayList<String>();
        var seen = new TreeSet<String>();
        for (Probe probe : probes) {
            var request = probe.token() == null ? given() : given().auth().oauth2(probe.token());
            Response response = request.accept("application/fhir+json").get(probe.path());
            String body = response.asString();
            if (response.statusCode() != probe.status()) {
                failures.add(probe.path() + ": status " + response.statusCode() + ", expected " + probe.status());
                continue;
            }
            if (!response.contentType().startsWith("application/fhir+json")) {
                failures.add(probe.path() + ": content type " + response.contentType());
            }
            List<String> errors = FhirValidation.errors(body);
            if (!errors.isEmpty()) {
                failures.add(probe.path() + ":\n    " + String.join("\n    ", errors));
            }
            seen.addAll(types(body));
        }
        assertTrue(failures.isEmpty(), failures.size() + " probe(s) failed:\n" + String.join("\n", failures));

        Set<String> served =
                new TreeSet<>(given().get("/fhir/metadata").jsonPath().getList("rest[0].resource.type"));
        served.removeAll(seen);
        assertTrue(served.isEmpty(), "Served types that no probe validated: " + served);
        assertTrue(seen.containsAll(Set.of("Bundle", "CapabilityStatement", "OperationOutcome")), seen.toString());
    }

    @Test
    void shouldRecordAuditEventsAsBalpWithFhirReferencesAndStandardCodes() {
        var net = network.create();
        UUID consult = ConsultNetwork.submitted(net, "ROUTINE");
        given().auth()
                .oauth2(net.coordinator())
                .get("/fhir/ServiceRequest/" + consult)
                .then()
                .statusCode(200);
        String body = given().auth()
                .oauth2(net.admin())
                .get("/fhir/AuditEvent?entity=" + consult)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        FhirValidation.assertValid(body);
        JsonPath json = JsonPath.from(body);
        assertFalse(json.getList("entry").isEmpty());
        List<String> refs = json.getList("entry.resource.entity.flatten().what.reference");
        assertTrue(refs.contains("ServiceRequest/" + consult), refs.toString());
        List<String> types = json.getList("entry.resource.type.system");
        assertTrue(
                types.stream()
                        .allMatch(s -> s.equals("http://terminology.hl7.org/CodeSystem/audit-event-type")
                                || s.equals("http://dicom.nema.org/resources/ontology/DCM")),
                types.toString());
        List<String> subtypes = json.getList("entry.resource.subtype.flatten().system");
        assertTrue(
                subtypes.stream()
                        .allMatch(s -> s.equals("http://hl7.org/fhir/restful-interaction")
                                || s.equals("http://dicom.nema.org/resources/ontology/DCM")),
                subtypes.toString());
        List<String> roles = json.getList("entry.resource.entity.flatten().role.system");
        assertTrue(
                roles.stream().allMatch("http://terminology.hl7.org/CodeSystem/object-role"::equals), roles.toString());
    }

    private static void writeAndSignReport(ConsultNetwork.Net net, UUID consult) {
        ConsultNetwork.as(net.specialist())
                .body(Map.of(
                        "findings", "Hẹp động mạch liên thất trước.",
                        "assessment", "Hội chứng vành cấp.",
                        "conclusions", "Can thiệp mạch vành.",
                        "recommendations", "Theo dõi."))
                .put("/api/consults/{id}/report", consult)
                .then()
                .statusCode(200);
        ConsultNetwork.signedIn(net.specialist())
                .post("/api/consults/{id}/report/sign", consult)
                .then()
                .statusCode(200);
    }

    private static String firstId(String token, String path) {
        String id = given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .path("entry[0].resource.id");
        if (id == null) {
            throw new IllegalStateException("nothing found at " + path);
        }
        return id;
    }

    /** The resource types in a FHIR JSON answer: its own and its entries'. */
    private static Set<String> types(String body) {
        var json = JsonPath.from(body);
        var types = new TreeSet<String>();
        types.add(json.getString("resourceType"));
        List<String> entries = json.getList("entry.resource.resourceType");
        if (entries != null) {
            types.addAll(entries);
        }
        return types;
    }
}
