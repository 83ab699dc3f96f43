package vn.teleconsult.media.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.teleconsult.media.service.MediaPolicy;
import vn.teleconsult.media.service.MediaServers;
import vn.teleconsult.media.service.MediaServers.ServerView;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** The media servers and their health, for the network administrator (they serve every hospital). */
@Path("/api/admin/media-servers")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MediaServerResource {

    private final MediaServers servers;
    private final CurrentActor current;
    private final MediaPolicy policy;

    public MediaServerResource(MediaServers servers, CurrentActor current, MediaPolicy policy) {
        this.servers = servers;
        this.policy = policy;
        this.current = current;
    }

    @GET
    public List<ServerView> list() {
        policy.requireNetworkAdmin(current.require());
        return servers.list();
    }
}
