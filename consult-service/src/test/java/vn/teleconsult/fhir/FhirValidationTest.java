package vn.teleconsult.fhir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The validator helper itself: it passes a valid resource and names the errors of an invalid one. */
class FhirValidationTest {

    @Test
    void shouldAcceptValidTask() {
        FhirValidation.assertValid(
                "{\"resourceType\":\"Task\",\"id\":\"a\",\"status\":\"requested\",\"intent\":\"order\"}");
    }

    @Test
    void shouldReportUnknownCodeAndMissingElement() {
        String json = "{\"resourceType\":\"Task\",\"id\":\"a\",\"status\":\"nonsense\"}";
        var errors = FhirValidation.errors(json);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.contains("intent")), errors.toString());
        assertThrows(AssertionFailedError.class, () -> FhirValidation.assertValid(json));
    }

    @Test
    void shouldRefuseReferenceToANonFhirType() {
        String json = "{\"resourceType\":\"AuditEvent\",\"type\":{\"system\":\"http://dicom.nema.org/resources/"
                + "ontology/DCM\",\"code\":\"110100\"},\"recorded\":\"2026-01-01T00:00:00Z\",\"agent\":[{"
                + "\"requestor\":true}],\"source\":{\"observer\":{\"display\":\"x\"}},\"entity\":[{\"what\":"
                + "{\"reference\":\"Consult/1\",\"type\":\"Consult\"}}]}";
        assertFalse(FhirValidation.errors(json).isEmpty());
    }
}
