package vn.teleconsult.scheduling.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.teleconsult.scheduling.service.PublicCatalog;

/** For patients before they sign in: hospitals and their visit services (no patient data, no staff names). */
@Path("/api/scheduling/public/services")
@Produces(MediaType.APPLICATION_JSON)
public class PublicCatalogResource {

    private final PublicCatalog catalog;

    public PublicCatalogResource(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @PermitAll
    public PublicCatalog.Catalog services() {
        return catalog.catalog();
    }
}
