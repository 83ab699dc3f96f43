package vn.teleconsult.imaging.fhir;

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
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.teleconsult.imaging.api.StudyOutlines;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Roles;

/**
 * FHIR R4 Endpoint: the server's DICOMweb services (PS3.18) at {@code /dicom-web}, one Endpoint per service: WADO-RS,
 * QIDO-RS and STOW-RS, with ids named after their connection type. For the callers who may use DICOMweb.
 */
@Path("/fhir/Endpoint")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.SYSTEM})
public class EndpointFhirResource {

    static final String CONNECTION_TYPE = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "_id", SearchParamType.TOKEN,
            "connection-type", SearchParamType.TOKEN,
            "status", SearchParamType.TOKEN,
            "name", SearchParamType.STRING);

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("Endpoint")
            .interactions(READ, SEARCHTYPE)
            .search(PARAMS)
            .documentation("The DICOMweb services at /dicom-web: ids dicom-wado-rs, dicom-qido-rs and"
                    + " dicom-stow-rs, after their connection type.");

    /** id (also the connection type code), display, name. */
    private static final List<String[]> SERVICES = List.of(
            new String[] {StudyOutlines.WADO_RS_ENDPOINT, "DICOM WADO-RS", "TeleConsult DICOMweb WADO-RS"},
            new String[] {"dicom-qido-rs", "DICOM QIDO-RS", "TeleConsult DICOMweb QIDO-RS"},
            new String[] {"dicom-stow-rs", "DICOM STOW-RS", "TeleConsult DICOMweb STOW-RS"});

    @GET
    @Path("/{id}")
    public Endpoint read(@PathParam("id") String id, @Context UriInfo uri) {
        return SERVICES.stream()
                .filter(s -> s[0].equals(id))
                .findFirst()
                .map(s -> endpoint(s, uri))
                .orElseThrow(() -> ProblemException.notFound("No Endpoint with that id."));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        String id = search.string("_id");
        String type = search.token("connection-type");
        String status = search.token("status");
        String name = search.string("name");
        var found = SERVICES.stream()
                .filter(s -> id == null || s[0].equals(id))
                .filter(s -> type == null || s[0].equals(type))
                .filter(s -> status == null || status.equals("active"))
                .filter(s -> name == null || s[2].toLowerCase().contains(name.toLowerCase()))
                .map(s -> endpoint(s, uri))
                .toList();
        return Bundles.searchSet(uri, search, found);
    }

    private static Endpoint endpoint(String[] service, UriInfo uri) {
        var e = new Endpoint();
        e.setId(service[0]);
        e.setStatus(Endpoint.EndpointStatus.ACTIVE);
        e.setConnectionType(new Coding(CONNECTION_TYPE, service[0], service[1]));
        e.setName(service[2]);
        e.addPayloadType(new CodeableConcept().setText("DICOM"));
        e.addPayloadMimeType("application/dicom");
        e.addPayloadMimeType("application/dicom+json");
        e.setAddress(uri.getBaseUri().toString().replaceAll("/$", "") + StudyOutlines.DICOMWEB_PATH);
        return e;
    }

    static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir";
    }
}
