package vn.teleconsult.platform.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Builds the OperationOutcome a FHIR endpoint answers for an error of a given HTTP status. */
public final class OperationOutcomes {

    private OperationOutcomes() {}

    public static OperationOutcome of(int status, String diagnostics) {
        var outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR)
                .setCode(code(status))
                .setDiagnostics(diagnostics);
        return outcome;
    }

    static IssueType code(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 409 -> IssueType.CONFLICT;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 413 -> IssueType.TOOLONG;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }
}
