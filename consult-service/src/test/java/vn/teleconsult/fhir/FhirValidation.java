package vn.teleconsult.fhir;

import ca.uhn.fhir.context.FhirContext;

/** Checks FHIR R4 JSON; until HAPI's instance validator is wired in, it must at least parse strictly. */
final class FhirValidation {

    private FhirValidation() {}

    static void assertValid(String json) {
        var parser = FhirContext.forR4Cached().newJsonParser();
        parser.setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler());
        parser.parseResource(json);
    }
}
