package vn.teleconsult.consult.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.teleconsult.consult.service.HubChoices;
import vn.teleconsult.consult.service.HubChoices.HubChoice;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** The hubs the caller's hospital may send consults to, for the new-consult form. */
@Path("/api/consults/hubs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SATELLITE_DOCTOR)
public class ConsultHubResource {

    private final HubChoices hubs;
    private final CurrentActor current;

    public ConsultHubResource(HubChoices hubs, CurrentActor current) {
        this.hubs = hubs;
        this.current = current;
    }

    @GET
    public List<HubChoice> linked() {
        return hubs.forRequester(current.require());
    }
}
