package vn.teleconsult.fhir;

import static org.junit.jupiter.api.Assertions.fail;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates FHIR R4 JSON with HAPI's {@link FhirInstanceValidator} against the R4 core profiles and terminologies, as
 * an independent client would: a test fails listing every error (warnings and information are allowed).
 */
public final class FhirValidation {

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = build();

    private FhirValidation() {}

    /** Fails the test with every error message (with its location) unless {@code json} is valid FHIR R4. */
    public static void assertValid(String json) {
        List<String> errors = errors(json);
        if (!errors.isEmpty()) {
            fail(errors.size() + " FHIR validation error(s):\n  " + String.join("\n  ", errors) + "\nin: "
                    + (json.length() > 4000 ? json.substring(0, 4000) + "…" : json));
        }
    }

    /** The error and fatal messages HAPI's validator reports for {@code json}, each as "location: message". */
    public static List<String> errors(String json) {
        synchronized (VALIDATOR) {
            return VALIDATOR.validateWithResult(json).getMessages().stream()
                    .filter(m ->
                            m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                    .map(FhirValidation::describe)
                    .toList();
        }
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }

    private static FhirValidator build() {
        var chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT));
        var instanceValidator = new FhirInstanceValidator(chain);
        FhirValidator validator = CONTEXT.newValidator();
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }
}
