package vn.teleconsult.fhir;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.teleconsult.consult.ConsultNetwork.as;
import static vn.teleconsult.consult.ConsultNetwork.signedIn;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.ConsultJanus;
import vn.teleconsult.consult.ConsultNetwork;
import vn.teleconsult.consult.ConsultNetwork.Net;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/**
 * FHIR Organization, OrganizationAffiliation, Practitioner, PractitionerRole, Patient, Endpoint, ImagingStudy and
 * DiagnosticReport search (issue 15 item 11): read, search, access as the REST API grants it, hostile input, and
 * every resource and search bundle served is valid R4 ({@link #valid}).
 */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class FhirResourcesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Inject
    ConsultNetwork network;

    @Inject
    Fixtures fixtures;

    /** Parses the answer as FHIR R4 JSON and checks it against the R4 core (see FhirValidation). */
    static <T extends IBaseResource> T valid(Response response, Class<T> type) {
        response.then().contentType("application/fhir+json");
        String json = response.asString();
        FhirValidation.assertValid(json);
        return FHIR.newJsonParser().parseResource(type, json);
    }

    private static Response get(String token, String path, Object... params) {
        return signedIn(token).get(path, params);
    }

    @Test
    void shouldServeHospitalsAndHubLinksToTheirStaffOnly() {
        Net net = network.create();
        UUID unrelated = fixtures.hospital(HospitalKind.SATELLITE);

        var hub = get(net.doctor(), "/fhir/Organization/{id}", net.hub());
        hub.then().statusCode(200).body("type[0].coding.code", hasItems("prov", "HUB"));
        valid(hub, org.hl7.fhir.r4.model.Organization.class);
        get(net.specialist(), "/fhir/Organization/{id}", net.satellite()).then().statusCode(200);
        get(net.doctor(), "/fhir/Organization/{id}", unrelated)
                .then()
                .statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        get(net.admin(), "/fhir/Organization/{id}", unrelated).then().statusCode(200);

        var hubs = get(net.doctor(), "/fhir/Organization?type=HUB");
        hubs.then().statusCode(200).body("entry.resource.id", hasItem(net.hub().toString()));
        valid(hubs, Bundle.class);
        get(net.doctor(), "/fhir/Organization").then().body("entry.resource.id", not(hasItem(unrelated.toString())));

        var links = get(
                net.doctor(),
                "/fhir/OrganizationAffiliation?participating-organization=Organization/" + net.satellite());
        links.then()
                .statusCode(200)
                .body("entry.size()", equalTo(1))
                .body("entry[0].resource.organization.reference", equalTo("Organization/" + net.hub()))
                .body(
                        "entry[0].resource.participatingOrganization.reference",
                        equalTo("Organization/" + net.satellite()));
        Bundle bundle = valid(links, Bundle.class);
        String linkId = bundle.getEntryFirstRep().getResource().getIdElement().getIdPart();
        valid(
                get(net.coordinator(), "/fhir/OrganizationAffiliation/{id}", linkId),
                org.hl7.fhir.r4.model.OrganizationAffiliation.class);
        // the id is derived from the link: the same on every read
        get(net.specialist(), "/fhir/OrganizationAffiliation?primary-organization=Organization/" + net.hub())
                .then()
                .body("entry.resource.id", hasItem(linkId));
    }

    @Test
    void shouldServeStaffAsPractitionersWithRolesAndSpecialties() {
        Net net = network.create();
        UUID unrelated = fixtures.hospital(HospitalKind.HUB);
        UUID stranger = fixtures.userId(fixtures.user(Role.HUB_SPECIALIST, unrelated));
        as(net.admin())
                .body(Map.of(
                        "fullName",
                        "PGS.TS. Lê Minh Đức",
                        "hospitalId",
                        net.hub().toString(),
                        "specialty",
                        "Chẩn đoán hình ảnh",
                        "roles",
                        List.of("HUB_SPECIALIST")))
                .put("/api/admin/users/{id}", net.specialistId())
                .then()
                .statusCode(200);

        var practitioner = get(net.doctor(), "/fhir/Practitioner/{id}", net.specialistId());
        practitioner.then().statusCode(200).body("name[0].text", equalTo("PGS.TS. Lê Minh Đức"));
        valid(practitioner, org.hl7.fhir.r4.model.Practitioner.class);
        var role = valid(get(net.doctor(), "/fhir/PractitionerRole/{id}", net.specialistId()), PractitionerRole.class);
        assertEquals("Organization/" + net.hub(), role.getOrganization().getReference());
        assertTrue(role.getCodeFirstRep().getCoding().stream()
                .anyMatch(c -> c.getCode().equals("doctor")));
        assertEquals(
                "394914008", role.getSpecialtyFirstRep().getCodingFirstRep().getCode());

        var radiologists = get(
                net.coordinator(),
                "/fhir/PractitionerRole?organization=Organization/" + net.hub() + "&specialty=394914008");
        radiologists
                .then()
                .statusCode(200)
                .body("entry.resource.id", equalTo(List.of(net.specialistId().toString())));
        valid(radiologists, Bundle.class);
        get(net.doctor(), "/fhir/Practitioner?name=duc")
                .then()
                .body("entry.resource.id", hasItem(net.specialistId().toString()));
        get(net.doctor(), "/fhir/Practitioner/{id}", stranger).then().statusCode(404);
        get(net.doctor(), "/fhir/PractitionerRole?practitioner=Practitioner/" + stranger)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        String patient = Fixtures.token(fixtures.user(Role.PATIENT, null));
        get(patient, "/fhir/Practitioner/{id}", net.specialistId()).then().statusCode(403);
    }

    @Test
    void shouldServeConsultPatientsToWhoeverSeesTheConsultAndAuditTheRead() {
        Net net = network.create();
        UUID consult = ConsultNetwork.submitted(net, "URGENT");
        String key = ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}", consult)
                .then()
                .statusCode(200)
                .extract()
                .path("patient.key");

        var read = get(net.doctor(), "/fhir/Patient/{id}", key);
        read.then().statusCode(200);
        Patient patient = valid(read, Patient.class);
        assertEquals("Nguyễn Văn Ánh", patient.getNameFirstRep().getText());
        assertEquals(
                "Organization/" + net.satellite(),
                patient.getManagingOrganization().getReference());
        get(net.coordinator(), "/fhir/Patient/{id}", key).then().statusCode(200);
        get(net.otherHospitalDoctor(), "/fhir/Patient/{id}", key)
                .then()
                .statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", not(org.hamcrest.Matchers.containsString(consult.toString())));

        var found = get(net.doctor(), "/fhir/Patient?identifier=001061012345&name=nguyen&birthdate=1961-05-17");
        found.then().statusCode(200).body("entry.resource.id", hasItem(key));
        valid(found, Bundle.class);
        get(net.doctor(), "/fhir/Patient?gender=female").then().body("entry.resource.id", not(hasItem(key)));
        get(net.otherHospitalDoctor(), "/fhir/Patient?identifier=001061012345")
                .then()
                .body("entry.resource.id", not(hasItem(key)));
        // the read is in the audit trail, naming the patient
        get(net.admin(), "/fhir/AuditEvent?entity=" + key)
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(1));
        // a search audits what it returns, not every patient it looked through
        int audited = get(net.admin(), "/fhir/AuditEvent?_count=0&entity=" + key)
                .then()
                .extract()
                .path("total");
        get(net.doctor(), "/fhir/Patient?gender=female").then().statusCode(200);
        get(net.doctor(), "/fhir/Patient?name=nguyen&_count=0").then().statusCode(200);
        get(net.admin(), "/fhir/AuditEvent?_count=0&entity=" + key).then().body("total", equalTo(audited));
        get(net.doctor(), "/fhir/Patient?name=nguyen").then().body("entry.resource.id", hasItem(key));
        get(net.admin(), "/fhir/AuditEvent?_count=0&entity=" + key).then().body("total", equalTo(audited + 1));
        // the consult's own resources now point at it
        get(net.doctor(), "/fhir/ServiceRequest/{id}", consult)
                .then()
                .body("subject.reference", equalTo("Patient/" + key));
    }

    @Test
    void shouldServePortalPatientsToThemselvesOnly() {
        String username = fixtures.user(Role.PATIENT, null);
        UUID id = fixtures.userId(username);
        String token = Fixtures.token(username);
        String other = Fixtures.token(fixtures.user(Role.PATIENT, null));
        Net net = network.create();

        valid(get(token, "/fhir/Patient/{id}", id), Patient.class);
        var mine = get(token, "/fhir/Patient");
        mine.then().statusCode(200).body("entry.resource.id", equalTo(List.of(id.toString())));
        valid(mine, Bundle.class);
        get(other, "/fhir/Patient/{id}", id).then().statusCode(404);
        get(net.coordinator(), "/fhir/Patient/{id}", id).then().statusCode(404); // no booking of theirs yet
        get(net.admin(), "/fhir/Patient/{id}", id).then().statusCode(403);

        // once the patient books a visit at the hub, its coordinators and specialists see them (as the booking)
        visit(
                token,
                ConsultNetwork.visitSchedule(
                        net.specialist(),
                        net.specialistId(),
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                .plusDays(1)));
        valid(get(net.coordinator(), "/fhir/Patient/{id}", id), Patient.class);
        get(net.otherSpecialist(), "/fhir/Patient/{id}", id).then().statusCode(200);
        get(net.doctor(), "/fhir/Patient/{id}", id).then().statusCode(404);
    }

    /** The patient books the schedule's first free slot. */
    private static void visit(String patient, String schedule) {
        String start = signedIn(patient)
                .queryParam("schedule", schedule)
                .queryParam("kind", "PATIENT_VISIT")
                .queryParam("from", java.time.Instant.now().plusSeconds(60).toString())
                .queryParam(
                        "to",
                        java.time.Instant.now()
                                .plus(java.time.Duration.ofDays(2))
                                .toString())
                .get("/api/scheduling/slots")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("[0].start");
        as(patient)
                .body(Map.of("scheduleId", schedule, "start", start, "mode", "VIDEO", "reasonCode", "I10"))
                .post("/api/scheduling/bookings")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldServeConsultStudiesAsImagingStudiesAtTheWadoEndpoint() throws Exception {
        Net net = network.create();
        String study = ConsultNetwork.storeStudy(net);
        UUID consult = UUID.fromString(as(net.doctor())
                .body(ConsultNetwork.request(net, "ROUTINE", List.of(study)))
                .post("/api/consults")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        ConsultNetwork.transition(net.doctor(), consult, Map.of("to", "SUBMITTED"))
                .statusCode(200);

        var read = get(net.doctor(), "/fhir/ImagingStudy/{id}", study);
        read.then().statusCode(200);
        ImagingStudy s = valid(read, ImagingStudy.class);
        assertEquals("Endpoint/dicom-wado-rs", s.getEndpointFirstRep().getReference());
        assertEquals("ServiceRequest/" + consult, s.getBasedOnFirstRep().getReference());
        assertEquals("CT", s.getSeriesFirstRep().getModality().getCode());
        assertEquals(
                "urn:oid:1.2.840.10008.5.1.4.1.1.2",
                s.getSeriesFirstRep().getInstanceFirstRep().getSopClass().getCode());
        assertEquals(1, s.getNumberOfInstances());
        get(net.otherHospitalDoctor(), "/fhir/ImagingStudy/{id}", study).then().statusCode(404);

        var bySubject = get(net.doctor(), "/fhir/ImagingStudy?basedon=ServiceRequest/" + consult + "&modality=CT");
        bySubject.then().statusCode(200).body("entry.resource.id", equalTo(List.of(study)));
        valid(bySubject, Bundle.class);
        get(net.doctor(), "/fhir/ImagingStudy?identifier=urn:oid:" + study)
                .then()
                .body("entry.resource.id", equalTo(List.of(study)));
        get(net.otherHospitalDoctor(), "/fhir/ImagingStudy?_id=" + study).then().body("total", equalTo(0));
        get(net.admin(), "/fhir/AuditEvent?entity=" + study).then().body("total", greaterThanOrEqualTo(1));

        var wado = get(net.doctor(), "/fhir/Endpoint/dicom-wado-rs");
        wado.then()
                .statusCode(200)
                .body("connectionType.code", equalTo("dicom-wado-rs"))
                .body("address", endsWith("/dicom-web"));
        valid(wado, org.hl7.fhir.r4.model.Endpoint.class);
        var stow = get(net.doctor(), "/fhir/Endpoint?connection-type=dicom-stow-rs");
        stow.then().body("entry.resource.id", equalTo(List.of("dicom-stow-rs")));
        valid(stow, Bundle.class);
        get(net.doctor(), "/fhir/Endpoint/nope").then().statusCode(404);
    }

    @Test
    void shouldSearchReportsOfTheConsultsTheCallerSees() {
        Net net = network.create();
        UUID consult = ConsultNetwork.accepted(net, "ROUTINE");
        as(net.specialist())
                .body(Map.of("findings", "Hẹp 70% LAD.", "conclusions", "Chỉ định can thiệp."))
                .put("/api/consults/{id}/report", consult)
                .then()
                .statusCode(200);

        var found =
                get(net.doctor(), "/fhir/DiagnosticReport?based-on=ServiceRequest/" + consult + "&status=preliminary");
        found.then().statusCode(200).body("entry.resource.id", equalTo(List.of(consult.toString())));
        valid(found, Bundle.class);
        get(net.coordinator(), "/fhir/DiagnosticReport").then().body("entry.resource.id", hasItem(consult.toString()));
        get(net.doctor(), "/fhir/DiagnosticReport?based-on=ServiceRequest/" + consult + "&status=final")
                .then()
                .body("total", equalTo(0));
        get(net.otherHospitalDoctor(), "/fhir/DiagnosticReport?based-on=ServiceRequest/" + consult)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        get(net.otherHospitalDoctor(), "/fhir/DiagnosticReport")
                .then()
                .body("entry", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldAnswerBadParametersWithOperationOutcomeAndChangeNothing() {
        Net net = network.create();
        for (String query : List.of(
                "/fhir/Organization?bogus=1",
                "/fhir/Organization?active=maybe",
                "/fhir/Organization?_count=-1",
                "/fhir/OrganizationAffiliation?primary-organization=Patient/" + UUID.randomUUID(),
                "/fhir/Practitioner?_id=not-a-uuid",
                "/fhir/PractitionerRole?organization=x%00y",
                "/fhir/Patient?birthdate=yesterday",
                "/fhir/Patient?gender=robot",
                "/fhir/ImagingStudy?_id=1.2.x",
                "/fhir/ImagingStudy?patient=Organization/" + UUID.randomUUID(),
                "/fhir/Endpoint?connection=dicom",
                "/fhir/DiagnosticReport?status=done",
                "/fhir/DiagnosticReport?based-on=Task/" + UUID.randomUUID())) {
            get(net.doctor(), query).then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
        }
        for (String read : List.of(
                "/fhir/Organization/x",
                "/fhir/OrganizationAffiliation/" + UUID.randomUUID(),
                "/fhir/Practitioner/" + "9".repeat(300),
                "/fhir/PractitionerRole/%E2%80%AE",
                "/fhir/Patient/" + UUID.randomUUID(),
                "/fhir/ImagingStudy/1.2.3.4",
                "/fhir/ImagingStudy/x'%20or%201=1",
                "/fhir/DiagnosticReport/" + UUID.randomUUID())) {
            get(net.doctor(), read).then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
        }
    }

    @Test
    void shouldListEveryNewTypeInTheCapabilityStatement() {
        var metadata = signedIn(network.create().doctor()).get("/fhir/metadata");
        metadata.then()
                .statusCode(200)
                .body(
                        "rest[0].resource.type",
                        hasItems(
                                "Organization",
                                "OrganizationAffiliation",
                                "Practitioner",
                                "PractitionerRole",
                                "Patient",
                                "Endpoint",
                                "ImagingStudy",
                                "DiagnosticReport"))
                .body("rest[0].resource.find { it.type == 'DiagnosticReport' }.searchParam.name", not(empty()));
    }
}
