package vn.teleconsult.imaging.dicomweb;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import vn.teleconsult.imaging.dicom.TransferSyntaxes;
import vn.teleconsult.imaging.service.PixelService;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** DICOMweb WADO-RS pixel services (PS3.18 10.4): frames, rendered images and thumbnails of an instance. */
@Path("/dicom-web")
@Blocking
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SYSTEM})
public class RenderedResource {

    private static final int MAX_FRAMES_PER_REQUEST = 1000;

    private final PixelService pixels;
    private final CurrentActor actor;

    public RenderedResource(PixelService pixels, CurrentActor actor) {
        this.pixels = pixels;
        this.actor = actor;
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}/frames/{frames}")
    public Response frames(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @PathParam("frames") String frames,
            @HeaderParam("Accept") String accept) {
        checkFramesAccept(accept);
        var parts = pixels.frames(
                actor.require(),
                DicomWebPaths.uid("Study Instance UID", study),
                DicomWebPaths.uid("Series Instance UID", series),
                DicomWebPaths.uid("SOP Instance UID", instance),
                frameNumbers(frames));
        return MultipartWriter.bytes(
                parts,
                "application/octet-stream",
                "application/octet-stream; transfer-syntax=" + TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /**
     * Frames are served uncompressed (Explicit VR Little Endian pixel bytes, PS3.18 8.7.3.3): acceptable when the
     * Accept header takes any type, or application/octet-stream with no transfer syntax, {@code *} or that one.
     */
    static void checkFramesAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            String r = range.trim().toLowerCase(java.util.Locale.ROOT);
            if (r.startsWith("*/*") || r.startsWith("multipart/*")) {
                return;
            }
            String type = r.startsWith("multipart/related") ? MultipartRelated.param(r, "type") : null;
            if (r.startsWith("multipart/related") && type == null) {
                return;
            }
            if (r.startsWith("application/octet-stream") || "application/octet-stream".equals(type)) {
                String ts = MultipartRelated.param(r, "transfer-syntax");
                if (ts == null || ts.equals("*") || ts.equals(TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN)) {
                    return;
                }
            }
        }
        throw new ProblemException(
                406,
                "Not acceptable",
                "Frames are served as multipart/related; type=\"application/octet-stream\"; transfer-syntax="
                        + TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN + " (uncompressed).");
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}/rendered")
    public Response rendered(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @QueryParam("window") String window,
            @QueryParam("quality") String quality,
            @QueryParam("viewport") String viewport,
            @HeaderParam("Accept") String accept) {
        return render(study, series, instance, "1", window, quality, viewport, accept, 0);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}/frames/{frame}/rendered")
    public Response renderedFrame(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @PathParam("frame") String frame,
            @QueryParam("window") String window,
            @QueryParam("quality") String quality,
            @QueryParam("viewport") String viewport,
            @HeaderParam("Accept") String accept) {
        return render(study, series, instance, frame, window, quality, viewport, accept, 0);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}/thumbnail")
    public Response thumbnail(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @QueryParam("viewport") String viewport,
            @HeaderParam("Accept") String accept) {
        return render(study, series, instance, "1", null, null, viewport, accept, 128);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{instance}/frames/{frame}/thumbnail")
    public Response frameThumbnail(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @PathParam("frame") String frame,
            @QueryParam("viewport") String viewport,
            @HeaderParam("Accept") String accept) {
        return render(study, series, instance, frame, null, null, viewport, accept, 128);
    }

    private Response render(
            String study,
            String series,
            String instance,
            String frame,
            String window,
            String quality,
            String viewport,
            String accept,
            int defaultSize) {
        var options = RenderOptions.parse(window, quality, viewport, accept, defaultSize);
        int[] n = frameNumbers(frame);
        if (n.length != 1) {
            throw ProblemException.badRequest("Render one frame at a time.");
        }
        var image = pixels.render(
                actor.require(),
                DicomWebPaths.uid("Study Instance UID", study),
                DicomWebPaths.uid("Series Instance UID", series),
                DicomWebPaths.uid("SOP Instance UID", instance),
                n[0],
                options.center(),
                options.width());
        return Response.ok(options.encode(image)).type(options.mediaType()).build();
    }

    static int[] frameNumbers(String list) {
        String[] pieces = list.split(",");
        if (pieces.length > MAX_FRAMES_PER_REQUEST) {
            throw ProblemException.badRequest("At most " + MAX_FRAMES_PER_REQUEST + " frames per request.");
        }
        int[] numbers = new int[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            try {
                numbers[i] = Integer.parseInt(pieces[i].trim());
            } catch (NumberFormatException e) {
                numbers[i] = 0;
            }
            if (numbers[i] < 1) {
                throw ProblemException.badRequest("Frame numbers are whole numbers from 1, comma-separated.");
            }
        }
        return numbers;
    }
}
