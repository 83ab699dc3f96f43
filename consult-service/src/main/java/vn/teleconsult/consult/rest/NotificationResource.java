package vn.teleconsult.consult.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.teleconsult.consult.service.NotificationService;
import vn.teleconsult.consult.service.NotificationView;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** The caller's consult notifications (assigned, new message, session booked, report signed, overdue...). */
@Path("/api/consults/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class NotificationResource {

    private final NotificationService notifications;
    private final CurrentActor current;

    public NotificationResource(NotificationService notifications, CurrentActor current) {
        this.notifications = notifications;
        this.current = current;
    }

    @GET
    public List<NotificationView> mine(
            @QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return notifications.mine(current.require(), unread, limit);
    }

    @POST
    @Path("{notificationId}/read")
    public Response read(@PathParam("notificationId") String id) {
        notifications.markRead(current.require(), Params.uuid("notificationId", id));
        return Response.noContent().build();
    }
}
