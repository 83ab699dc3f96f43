package vn.teleconsult.consult.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.teleconsult.consult.service.ConsultView;
import vn.teleconsult.consult.service.JoinView;
import vn.teleconsult.consult.service.SessionInput;
import vn.teleconsult.consult.service.SessionService;
import vn.teleconsult.media.api.RecordingFile;
import vn.teleconsult.media.api.RoomView;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** A consult's live session: book it, start it, and join it (video room grant path and review session). */
@Path("/api/consults/{id}/session")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class ConsultSessionResource {

    private final SessionService sessions;
    private final CurrentActor current;

    public ConsultSessionResource(SessionService sessions, CurrentActor current) {
        this.sessions = sessions;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsultView book(@PathParam("id") String id, @Valid @NotNull SessionInput input) {
        return sessions.book(current.require(), Params.uuid("id", id), input);
    }

    @POST
    @Path("start")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST})
    public ConsultView start(@PathParam("id") String id, @QueryParam("version") Long version) {
        return sessions.start(current.require(), Params.uuid("id", id), version);
    }

    /**
     * Asks every member to consent to recording the running session (off unless asked for); no body: each member
     * consents for themself in the video room, and recording starts once all have.
     */
    @POST
    @Path("recording")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST})
    public RoomView record(@PathParam("id") String id) {
        return sessions.record(current.require(), Params.uuid("id", id));
    }

    /** The session's converted recordings; download them from media-bridge ({@code /api/media/rooms/...}). */
    @GET
    @Path("recordings")
    public List<RecordingFile> recordings(@PathParam("id") String id) {
        return sessions.recordings(current.require(), Params.uuid("id", id));
    }

    @GET
    @Path("join")
    public JoinView join(@PathParam("id") String id) {
        return sessions.join(current.require(), Params.uuid("id", id));
    }
}
