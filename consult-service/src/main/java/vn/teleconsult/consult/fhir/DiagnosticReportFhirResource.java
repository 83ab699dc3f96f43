package vn.teleconsult.consult.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.teleconsult.consult.service.ConsultRecords;
import vn.teleconsult.consult.service.ConsultService;
import vn.teleconsult.consult.service.ConsultView;
import vn.teleconsult.consult.service.ReportService;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * FHIR R4 DiagnosticReport: a consult's report (preliminary until signed, final, appended after addenda); read, and
 * search by consult, patient and status among the consults the caller sees.
 */
@Path("/fhir/DiagnosticReport")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class DiagnosticReportFhirResource {

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "_id", SearchParamType.TOKEN,
            "based-on", SearchParamType.REFERENCE,
            "patient", SearchParamType.REFERENCE,
            "status", SearchParamType.TOKEN);

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("DiagnosticReport")
            .interactions(READ, SEARCHTYPE)
            .search(PARAMS)
            .documentation("A consult's report: preliminary until signed, final, appended after addenda."
                    + " The id is the consult's.");

    private static final List<String> STATUSES = List.of("preliminary", "final", "appended");

    private final ConsultService consults;
    private final ReportService reports;
    private final ConsultRecords records;
    private final CurrentActor current;

    public DiagnosticReportFhirResource(
            ConsultService consults, ReportService reports, ConsultRecords records, CurrentActor current) {
        this.consults = consults;
        this.reports = reports;
        this.records = records;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public DiagnosticReport read(@PathParam("id") String id) {
        var actor = current.require();
        var consultId = ConsultFhirMapper.id(id);
        var consult = consults.get(actor, consultId);
        return ConsultFhirMapper.diagnosticReport(consult, reports.get(actor, consultId));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        UUID id = search.reference("_id", "DiagnosticReport");
        UUID basedOn = search.reference("based-on", "ServiceRequest");
        UUID patient = search.reference("patient", "Patient");
        String status = search.token("status");
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("status: preliminary, final or appended.");
        }
        int count = FhirSearch.MAX_MATCHES + 1;
        var actor = current.require();
        UUID consultId = id != null ? id : basedOn;
        if (id != null && basedOn != null && !id.equals(basedOn)) {
            consultId = null; // a report is based on its own consult only: nothing matches
        }
        List<ConsultView> scope;
        if (consultId != null) {
            UUID wanted = consultId;
            scope = PatientFhirResource.one(() -> consults.get(actor, wanted));
        } else if (id != null) {
            scope = List.of();
        } else if (patient != null) {
            scope = PatientFhirResource.one(() -> records.patient(actor, patient)).stream()
                    .filter(p -> p.consult() != null)
                    .map(p -> p.consult())
                    .toList();
        } else {
            scope = records.visibleConsults(actor);
        }
        var found = scope.stream()
                .filter(c -> patient == null || patient.equals(c.patient().key()))
                .map(c -> reports.find(actor, c.id()).map(r -> ConsultFhirMapper.diagnosticReport(c, r)))
                .flatMap(Optional::stream)
                .filter(d -> status == null || d.getStatus().toCode().equals(status))
                .limit(count)
                .toList();
        return Bundles.searchSet(uri, search, found);
    }
}
