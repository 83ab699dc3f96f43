package vn.teleconsult.imaging.dicomweb;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import vn.teleconsult.imaging.service.StowService;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** DICOMweb STOW-RS (PS3.18 10.5): store instances sent as multipart/related application/dicom. */
@Path("/dicom-web")
@Blocking
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SYSTEM})
public class StowResource {

    private final StowReader reader;
    private final StowService stow;
    private final CurrentActor actor;
    private final DicomWebBase base;

    public StowResource(StowReader reader, StowService stow, CurrentActor actor, DicomWebBase base) {
        this.reader = reader;
        this.stow = stow;
        this.actor = actor;
        this.base = base;
    }

    @POST
    @Path("/studies")
    @Produces({"application/dicom+json", "application/json"})
    public Response store(@HeaderParam("Content-Type") String type, InputStream body) {
        return respond(stow.store(actor.require(), reader.read(type, body), null));
    }

    @POST
    @Path("/studies/{study}")
    @Produces({"application/dicom+json", "application/json"})
    public Response storeIntoStudy(
            @PathParam("study") String study, @HeaderParam("Content-Type") String type, InputStream body) {
        String studyUid = DicomWebPaths.uid("Study Instance UID", study);
        return respond(stow.store(actor.require(), reader.read(type, body), studyUid));
    }

    private Response respond(StowService.Outcome outcome) {
        String base = this.base.root();
        var body = new DicomJson();
        if (outcome.studyUids().size() == 1) {
            body.string(
                    "00081190", "UR", base + "/studies/" + outcome.studyUids().get(0));
        }
        for (var result : outcome.results()) {
            var item = new DicomJson()
                    .string("00081150", "UI", result.sopClassUid())
                    .string("00081155", "UI", result.sopInstanceUid());
            if (result.stored()) {
                item.string(
                        "00081190",
                        "UR",
                        base + "/studies/" + result.studyUid() + "/series/" + result.seriesUid() + "/instances/"
                                + result.sopInstanceUid());
                body.sequenceItem("00081199", item);
            } else {
                item.number("00081197", "US", result.failureReason());
                body.sequenceItem("00081198", item);
            }
        }
        int stored = (int) outcome.results().stream().filter(r -> r.stored()).count();
        int status = stored == outcome.results().size() ? 200 : stored == 0 ? 409 : 202;
        var response = Response.status(status)
                .type("application/dicom+json")
                .entity(body.node().toString());
        outcome.results().stream()
                .filter(r -> !r.stored())
                .findFirst()
                .ifPresent(r -> response.header(
                        "Warning", "299 teleconsult \"" + r.message().replace('"', '\'') + "\""));
        return response.build();
    }
}
