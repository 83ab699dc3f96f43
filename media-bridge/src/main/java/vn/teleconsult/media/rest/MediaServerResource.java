package vn.teleconsult.media.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.teleconsult.media.service.MediaServers;
import vn.teleconsult.media.service.MediaServers.ServerView;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** The media servers and their health, for the network administrator (they serve every hospital). */
@Path("/api/admin/media-servers")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MediaServerResource {

    private final MediaServers servers;
    private final CurrentActor current;

    public MediaServerResource(MediaServers servers, CurrentActor current) {
        this.servers = servers;
        this.current = current;
    }

    @GET
    public List<ServerView> list() {
        if (!current.require().isNetworkAdmin()) {
            throw ProblemException.forbidden("Media servers serve the whole network: ask the network administrator.");
        }
        return servers.list();
    }
}
