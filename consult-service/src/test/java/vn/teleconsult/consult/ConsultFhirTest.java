package vn.teleconsult.consult;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** FHIR R4 ServiceRequest, Task and AuditEvent (export) over the consults. */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class ConsultFhirTest {

    @Inject
    ConsultNetwork network;

    @Test
    void shouldExposeTheRequestAndItsProgressAsParseableFhir() {
        var net = network.create();
        UUID id = ConsultNetwork.submitted(net, "EMERGENCY");
        var parser = FhirContext.forR4Cached().newJsonParser();
        String sr = ConsultNetwork.signedIn(net.coordinator())
                .get("/fhir/ServiceRequest/{id}", id)
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .extract()
                .asString();
        ServiceRequest request = parser.parseResource(ServiceRequest.class, sr);
        Assertions.assertEquals(ServiceRequest.ServiceRequestPriority.STAT, request.getPriority());
        Assertions.assertEquals(
                "Practitioner/" + net.doctorId(), request.getRequester().getReference());
        String task = ConsultNetwork.signedIn(net.coordinator())
                .get("/fhir/Task?focus=ServiceRequest/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Bundle bundle = parser.parseResource(Bundle.class, task);
        Assertions.assertEquals(
                Task.TaskStatus.REQUESTED, ((Task) bundle.getEntryFirstRep().getResource()).getStatus());
        ConsultNetwork.signedIn(net.coordinator())
                .get("/fhir/ServiceRequest?priority=stat")
                .then()
                .statusCode(200)
                .body("entry.resource.id", hasItem(id.toString()));
        ConsultNetwork.signedIn(net.otherHospitalDoctor())
                .get("/fhir/ServiceRequest/{id}", id)
                .then()
                .statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        ConsultNetwork.signedIn(net.coordinator())
                .get("/fhir/Task?bogus=1")
                .then()
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void shouldExportTheAuditTrailAsAuditEventsForAdministrators() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        ConsultNetwork.signedIn(net.otherHospitalDoctor())
                .get("/api/consults/{id}", id)
                .then()
                .statusCode(404);
        ConsultNetwork.signedIn(net.admin())
                .get("/fhir/AuditEvent?entity=" + id + "&outcome=4")
                .then()
                .statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("total", greaterThanOrEqualTo(1))
                .body("entry[0].resource.resourceType", equalTo("AuditEvent"))
                .body("entry[0].resource.outcome", equalTo("4"))
                .body("entry[0].resource.entity[0].what.reference", equalTo("ServiceRequest/" + id));
        ConsultNetwork.signedIn(net.doctor()).get("/fhir/AuditEvent").then().statusCode(403);
        ConsultNetwork.signedIn(net.admin())
                .get("/fhir/AuditEvent?date=notadate")
                .then()
                .statusCode(400);
    }
}
