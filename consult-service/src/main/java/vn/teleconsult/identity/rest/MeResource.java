package vn.teleconsult.identity.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.teleconsult.identity.service.Profile;
import vn.teleconsult.identity.service.ProfileService;
import vn.teleconsult.platform.security.CurrentActor;

/** The signed-in user's own profile. */
@Path("/api/me")
@Authenticated
public class MeResource {

    private final ProfileService profiles;
    private final CurrentActor current;

    public MeResource(ProfileService profiles, CurrentActor current) {
        this.profiles = profiles;
        this.current = current;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Profile me() {
        return profiles.me(current.require());
    }
}
