package vn.teleconsult.imaging.dicomweb;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import vn.teleconsult.imaging.service.StudyRetrieve;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** DICOMweb WADO-RS (PS3.18 10.4): studies, series and instances as stored, and their metadata. */
@Path("/dicom-web")
@Blocking
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SYSTEM})
public class WadoResource {

    private final StudyRetrieve retrieve;
    private final CurrentActor actor;

    public WadoResource(StudyRetrieve retrieve, CurrentActor actor) {
        this.retrieve = retrieve;
        this.actor = actor;
    }

    @GET
    @Path("/studies/{study}")
    @Produces("multipart/related")
    public Response study(@PathParam("study") String study, @HeaderParam("Accept") String accept) {
        return retrieveFiles(accept, study, null, null);
    }

    @GET
    @Path("/studies/{study}/series/{series}")
    @Produces("multipart/related")
    public Response series(
            @PathParam("study") String study, @PathParam("series") String series, @HeaderParam("Accept") String a) {
        return retrieveFiles(a, study, series, null);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}")
    @Produces("multipart/related")
    public Response instance(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @HeaderParam("Accept") String accept) {
        return retrieveFiles(accept, study, series, instance);
    }

    @GET
    @Path("/studies/{study}/metadata")
    @Produces({"application/dicom+json", "application/json"})
    public String studyMetadata(@PathParam("study") String study) {
        return retrieve.metadata(actor.require(), uid(study), null, null);
    }

    @GET
    @Path("/studies/{study}/series/{series}/metadata")
    @Produces({"application/dicom+json", "application/json"})
    public String seriesMetadata(@PathParam("study") String study, @PathParam("series") String series) {
        return retrieve.metadata(actor.require(), uid(study), seriesUid(series), null);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}/metadata")
    @Produces({"application/dicom+json", "application/json"})
    public String instanceMetadata(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance) {
        return retrieve.metadata(actor.require(), uid(study), seriesUid(series), instanceUid(instance));
    }

    private Response retrieveFiles(String accept, String study, String series, String instance) {
        checkAccept(accept);
        var files = retrieve.files(
                actor.require(),
                uid(study),
                series == null ? null : seriesUid(series),
                instance == null ? null : instanceUid(instance),
                "retrieve");
        var body = MultipartFiles.of(files);
        return Response.ok(body, body.contentType()).build();
    }

    /** Only DICOM files as stored are offered: multipart/related with type application/dicom (or any). */
    static void checkAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            String r = range.trim().toLowerCase(Locale.ROOT);
            if (r.startsWith("*/*") || r.startsWith("multipart/*")) {
                return;
            }
            if (r.startsWith("multipart/related")) {
                String type = MultipartRelated.param(r, "type");
                String ts = MultipartRelated.param(r, "transfer-syntax");
                if ((type == null || type.equals("application/dicom")) && (ts == null || ts.equals("*"))) {
                    return;
                }
                if (type != null && type.equals("application/dicom")) {
                    return; // served in the stored transfer syntax, named in each part's Content-Type
                }
            }
        }
        throw new ProblemException(
                406,
                "Not acceptable",
                "Instances are served as multipart/related; type=\"application/dicom\" in their stored"
                        + " transfer syntax.");
    }

    private static String uid(String study) {
        return DicomWebPaths.uid("Study Instance UID", study);
    }

    private static String seriesUid(String series) {
        return DicomWebPaths.uid("Series Instance UID", series);
    }

    private static String instanceUid(String instance) {
        return DicomWebPaths.uid("SOP Instance UID", instance);
    }
}
