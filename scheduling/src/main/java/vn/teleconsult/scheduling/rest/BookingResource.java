package vn.teleconsult.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.service.BookingInput;
import vn.teleconsult.scheduling.service.BookingService;
import vn.teleconsult.scheduling.service.BookingView;

/**
 * Holds and bookings of consult sessions and patient visits; send {@code Idempotency-Key} so that a retried request
 * answers the first booking instead of making a second.
 */
@Path("/api/scheduling")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
public class BookingResource {

    private final BookingService bookings;
    private final CurrentActor current;

    public BookingResource(BookingService bookings, CurrentActor current) {
        this.bookings = bookings;
        this.current = current;
    }

    @POST
    @Path("/holds")
    public Response hold(@Valid @NotNull BookingInput input, @HeaderParam("Idempotency-Key") String key) {
        return created(bookings.place(current.require(), input, true, key(key)));
    }

    @POST
    @Path("/bookings")
    public Response book(@Valid @NotNull BookingInput input, @HeaderParam("Idempotency-Key") String key) {
        return created(bookings.place(current.require(), input, false, key(key)));
    }

    @GET
    @Path("/bookings/mine")
    public List<BookingView> mine() {
        return bookings.mine(current.require());
    }

    @GET
    @Path("/bookings/{id}")
    public BookingView get(@PathParam("id") UUID id) {
        return bookings.get(current.require(), id);
    }

    @POST
    @Path("/bookings/{id}/cancel")
    public BookingView cancel(@PathParam("id") UUID id, @Valid @NotNull CancelInput input) {
        return bookings.cancel(current.require(), id, input.reason());
    }

    @POST
    @Path("/bookings/{id}/reschedule")
    public BookingView reschedule(@PathParam("id") UUID id, @Valid @NotNull RescheduleInput input) {
        return bookings.reschedule(current.require(), id, input.start());
    }

    @POST
    @Path("/bookings/{id}/no-show")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST})
    public BookingView noShow(@PathParam("id") UUID id) {
        return bookings.noShow(current.require(), id);
    }

    private static Response created(BookingView view) {
        return Response.created(URI.create("/api/scheduling/bookings/" + view.id()))
                .entity(view)
                .build();
    }

    private static String key(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw ProblemException.badRequest("Idempotency-Key: at most 200 characters.");
        }
        return value.strip();
    }
}
