package vn.teleconsult.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.service.BookableResources;
import vn.teleconsult.scheduling.service.ResourceView;

/** The caller's hospital's specialists, rooms and devices, for the availability pages. */
@Path("/api/scheduling/bookable")
@Produces(MediaType.APPLICATION_JSON)
public class BookableResourcesResource {

    private final BookableResources resources;
    private final CurrentActor current;

    public BookableResourcesResource(BookableResources resources, CurrentActor current) {
        this.resources = resources;
        this.current = current;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST})
    public List<ResourceView> list() {
        return resources.ofCallersHospital(current.require());
    }
}
