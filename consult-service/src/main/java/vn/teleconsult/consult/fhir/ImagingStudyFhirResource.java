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
import java.util.UUID;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.ImagingStudy;
import vn.teleconsult.consult.service.ConsultRecords;
import vn.teleconsult.consult.service.ConsultService;
import vn.teleconsult.consult.service.StudyRecord;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * FHIR R4 ImagingStudy: a study attached to consults (id: its StudyInstanceUID), for those who see such a consult and
 * may read the study in the image store (as with QIDO-RS); retrieved at the WADO-RS Endpoint. Read and search.
 */
@Path("/fhir/ImagingStudy")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class ImagingStudyFhirResource {

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "_id", SearchParamType.TOKEN,
            "identifier", SearchParamType.TOKEN,
            "patient", SearchParamType.REFERENCE,
            "basedon", SearchParamType.REFERENCE,
            "modality", SearchParamType.TOKEN);

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("ImagingStudy")
            .interactions(READ, SEARCHTYPE)
            .search(PARAMS)
            .documentation("Studies attached to consults (id: the StudyInstanceUID), retrieved at"
                    + " Endpoint/dicom-wado-rs.");

    private final ConsultRecords records;
    private final ConsultService consults;
    private final CurrentActor current;

    public ImagingStudyFhirResource(ConsultRecords records, ConsultService consults, CurrentActor current) {
        this.records = records;
        this.consults = consults;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public ImagingStudy read(@PathParam("id") String id) {
        return ClinicalFhirMapper.imagingStudy(records.study(current.require(), id));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        String id = search.string("_id") == null ? null : search.string("_id").replaceFirst("^ImagingStudy/", "");
        String identifier = search.token("identifier");
        UUID patient = search.reference("patient", "Patient");
        UUID basedOn = search.reference("basedon", "ServiceRequest");
        String modality = search.token("modality");
        String uid = id != null ? id : identifier == null ? null : identifier.replaceFirst("^urn:oid:", "");
        if (id != null && identifier != null && !uid.equals(identifier.replaceFirst("^urn:oid:", ""))) {
            throw ProblemException.badRequest("_id and identifier name different studies.");
        }
        if (uid != null && !uid.matches("[0-9.]{1,64}")) {
            throw ProblemException.badRequest("_id/identifier: a StudyInstanceUID (digits and dots, at most 64).");
        }
        int count = FhirSearch.MAX_MATCHES + 1;
        var actor = current.require();
        List<StudyRecord> found;
        if (uid != null) {
            found = PatientFhirResource.one(() -> records.study(actor, uid));
        } else if (basedOn != null) {
            found = records.studies(actor, PatientFhirResource.one(() -> consults.get(actor, basedOn)));
        } else if (patient != null) {
            var of = PatientFhirResource.one(() -> records.patient(actor, patient));
            found = records.studies(
                    actor,
                    of.stream()
                            .filter(p -> p.consult() != null)
                            .map(p -> p.consult())
                            .toList());
        } else {
            found = records.studies(actor, null);
        }
        Predicate<ImagingStudy> matching =
                s -> (patient == null || s.getSubject().getReference().equals("Patient/" + patient))
                        && (basedOn == null
                                || s.getBasedOn().stream()
                                        .anyMatch(r -> r.getReference().equals("ServiceRequest/" + basedOn)))
                        && (modality == null || s.getModality().stream().anyMatch(m -> modality.equals(m.getCode())));
        var studies = found.stream()
                .filter(r -> matching.test(ClinicalFhirMapper.imagingStudy(r)))
                .limit(count)
                .toList();
        boolean audited = uid != null; // read by id: records.study audited it
        return Bundles.searchSet(uri, search, Bundles.lazily(studies, r -> {
            if (!audited) {
                records.returned(r);
            }
            return ClinicalFhirMapper.imagingStudy(r);
        }));
    }
}
