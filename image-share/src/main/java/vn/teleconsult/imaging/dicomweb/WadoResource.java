package vn.teleconsult.imaging.dicomweb;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import vn.teleconsult.imaging.service.InstanceEncoding;
import vn.teleconsult.imaging.service.StudyRetrieve;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * DICOMweb WADO-RS (PS3.18 10.4): studies, series and instances, as stored or decompressed to the transfer syntax the
 * Accept header asks for, and their metadata.
 */
@Path("/dicom-web")
@Blocking
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SYSTEM})
public class WadoResource {

    private final StudyRetrieve retrieve;
    private final InstanceEncoding encoding;
    private final CurrentActor actor;

    public WadoResource(StudyRetrieve retrieve, InstanceEncoding encoding, CurrentActor actor) {
        this.retrieve = retrieve;
        this.encoding = encoding;
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
        Set<String> accepted = DicomAccept.transferSyntaxes(accept);
        var files = retrieve.files(
                actor.require(),
                uid(study),
                series == null ? null : seriesUid(series),
                instance == null ? null : instanceUid(instance),
                "retrieve");
        if (accepted == null || files.stream().allMatch(f -> accepted.contains(f.transferSyntax()))) {
            var body = MultipartFiles.of(files);
            return Response.ok(body, body.contentType()).build();
        }
        var planned = encoding.plan(files, accepted);
        var sendable = planned.stream().filter(p -> p.target() != null).toList();
        if (sendable.isEmpty()) {
            throw new ProblemException(
                    406,
                    "Not acceptable",
                    (files.size() == 1 ? "This instance is" : "These instances are")
                            + " stored in a transfer syntax that cannot be converted to " + String.join(", ", accepted)
                            + " here; ask with transfer-syntax=* to receive them as stored.");
        }
        var body = new EncodedFiles(sendable, encoding);
        var response = Response.status(sendable.size() == files.size() ? 200 : 206)
                .entity(body)
                .type(body.contentType());
        if (sendable.size() < files.size()) {
            // PS3.18 10.4.3: a partial retrieve says what was left out in a Warning header field
            response.header(
                    "Warning",
                    "299 TeleConsult: \"" + (files.size() - sendable.size())
                            + " instances cannot be converted to the transfer syntax asked for and were left out\"");
        }
        return response.build();
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
