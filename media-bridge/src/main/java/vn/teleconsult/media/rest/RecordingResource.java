package vn.teleconsult.media.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.media.api.RecordingFile;
import vn.teleconsult.media.api.RoomView;
import vn.teleconsult.media.service.RecordingService;
import vn.teleconsult.media.service.RoomService;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * Recording of a room: asked for by its host or its hospitals' coordinators and system clients, started once each
 * participant consented for themself; the converted files for its participants to download.
 */
@Path("/api/media/rooms/{id}")
public class RecordingResource {

    private final RecordingService recordings;
    private final RoomService rooms;
    private final CurrentActor currentActor;

    public RecordingResource(RecordingService recordings, RoomService rooms, CurrentActor currentActor) {
        this.recordings = recordings;
        this.rooms = rooms;
        this.currentActor = currentActor;
    }

    /** Asks every participant to consent; no body: consent comes from each participant, never from the caller. */
    @POST
    @Path("recording")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR})
    public RoomView request(@PathParam("id") UUID id) {
        return rooms.requestRecording(currentActor.require(), id);
    }

    /** The calling participant consents, for themself only; the last consent starts the recording. */
    @POST
    @Path("recording/consent")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public RoomView consent(@PathParam("id") UUID id) {
        return rooms.consent(currentActor.require(), id);
    }

    @GET
    @Path("recordings")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public List<RecordingFile> files(@PathParam("id") UUID id) {
        return recordings.files(currentActor.require(), id);
    }

    @GET
    @Path("recordings/{fileId}")
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public Response download(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        var download = recordings.download(currentActor.require(), id, fileId);
        return Response.ok(download.path())
                .type(download.file().contentType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + download.file().fileName() + "\"")
                .build();
    }
}
