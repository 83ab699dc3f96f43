package vn.teleconsult.media.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.media.api.RecordingConsent;
import vn.teleconsult.media.api.RecordingFile;
import vn.teleconsult.media.api.RoomView;
import vn.teleconsult.media.service.RecordingService;
import vn.teleconsult.media.service.RoomService;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.platform.security.Roles;

/** Recording of a room with its participants' consent, and the converted files for its participants to download. */
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

    /** Starts recording; the body is the consent the caller collected from every participant. */
    @POST
    @Path("recording")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR})
    public RoomView record(@PathParam("id") UUID id, RecordingConsent consent) {
        Actor actor = currentActor.require();
        recordings.record(id, consent, actor.id());
        return rooms.get(id, RoomResource.person(actor), true);
    }

    @GET
    @Path("recordings")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public List<RecordingFile> files(@PathParam("id") UUID id) {
        Actor actor = currentActor.require();
        return recordings.files(id, RoomResource.person(actor), actor.has(Role.SYSTEM));
    }

    @GET
    @Path("recordings/{fileId}")
    @RolesAllowed({Roles.SYSTEM, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
    public Response download(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        Actor actor = currentActor.require();
        var download = recordings.download(id, fileId, RoomResource.person(actor), actor.has(Role.SYSTEM));
        return Response.ok(download.path())
                .type(download.file().contentType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + download.file().fileName() + "\"")
                .build();
    }
}
