package vn.teleconsult.identity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import vn.teleconsult.identity.service.NewUser;
import vn.teleconsult.identity.service.UserChanges;
import vn.teleconsult.identity.service.UserService;
import vn.teleconsult.identity.service.UserView;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.platform.security.Roles;

/** Administration of users: list, create, change, set password, sign out everywhere. */
@Path("/api/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserAdminResource {

    /** Body of a password change. */
    public record PasswordChange(@NotBlank String password) {}

    private final UserService users;
    private final CurrentActor current;

    public UserAdminResource(UserService users, CurrentActor current) {
        this.users = users;
        this.current = current;
    }

    @GET
    public UserService.Page list(
            @QueryParam("hospitalId") String hospitalId,
            @QueryParam("role") String role,
            @QueryParam("q") String query,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return users.list(
                current.require(),
                Params.uuid("hospitalId", hospitalId),
                Params.enumValue("role", role, Role.class),
                query,
                offset,
                limit);
    }

    @GET
    @Path("/{id}")
    public UserView get(@PathParam("id") UUID id) {
        return users.get(current.require(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewUser input) {
        var created = users.create(current.require(), input);
        return Response.created(URI.create("/api/admin/users/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView update(@PathParam("id") UUID id, @Valid @NotNull UserChanges changes) {
        return users.update(current.require(), id, changes);
    }

    @PUT
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setPassword(@PathParam("id") UUID id, @Valid @NotNull PasswordChange change) {
        users.setPassword(current.require(), id, change.password());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/sign-out")
    public Map<String, Integer> signOut(@PathParam("id") UUID id) {
        return Map.of("revokedSessions", users.signOut(current.require(), id));
    }
}
