package vn.teleconsult.consult.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.hl7.fhir.r4.model.DiagnosticReport;
import vn.teleconsult.consult.service.ConsultService;
import vn.teleconsult.consult.service.ReportService;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** FHIR R4 DiagnosticReport: a consult's report (preliminary until signed, final, appended after addenda). */
@Path("/fhir/DiagnosticReport")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class DiagnosticReportFhirResource {

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("DiagnosticReport")
            .interactions(READ)
            .documentation("A consult's report: preliminary until signed, final, appended after addenda. The id is"
                    + " the consult's.");

    private final ConsultService consults;
    private final ReportService reports;
    private final CurrentActor current;

    public DiagnosticReportFhirResource(ConsultService consults, ReportService reports, CurrentActor current) {
        this.consults = consults;
        this.reports = reports;
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
}
