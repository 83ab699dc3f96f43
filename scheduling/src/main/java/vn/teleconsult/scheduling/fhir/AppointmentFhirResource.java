package vn.teleconsult.scheduling.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.service.BookableResources;
import vn.teleconsult.scheduling.service.BookingService;
import vn.teleconsult.scheduling.service.BookingView;

/**
 * FHIR R4 Appointment: read, search ({@code actor}, {@code patient}, {@code practitioner}, {@code date},
 * {@code status}), create in a free Slot, and cancel by an update with status {@code cancelled}.
 */
@Path("/fhir/Appointment")
@Produces(FhirMedia.JSON)
@Consumes({FhirMedia.JSON, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT})
public class AppointmentFhirResource {

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "actor", SearchParamType.REFERENCE,
            "patient", SearchParamType.REFERENCE,
            "practitioner", SearchParamType.REFERENCE,
            "date", SearchParamType.DATE,
            "status", SearchParamType.TOKEN);

    private final BookingService bookings;
    private final AppointmentRequests requests;
    private final BookableResources resources;
    private final CurrentActor current;

    public AppointmentFhirResource(
            BookingService bookings, AppointmentRequests requests, BookableResources resources, CurrentActor current) {
        this.bookings = bookings;
        this.requests = requests;
        this.resources = resources;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public Appointment read(@PathParam("id") String id) {
        return appointment(bookings.get(current.require(), Params.uuid("id", id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), PARAMS.keySet());
        UUID practitioner = search.reference("practitioner", "Practitioner");
        UUID patient = search.reference("patient", "Patient");
        String actor = search.string("actor");
        if (actor != null) {
            if (actor.contains("Patient/")) {
                patient = search.reference("actor", "Patient");
            } else {
                practitioner = search.reference("actor", "Practitioner");
            }
        }
        var dates = search.dates("date");
        var views = bookings.search(
                current.require(),
                practitioner,
                patient,
                FhirMapper.status(search.token("status")),
                dates.from(),
                dates.to(),
                search.count(50, 500));
        var kinds = resources.kindsOf(
                views.stream().flatMap(v -> v.resourceIds().stream()).toList());
        var found = views.stream().map(v -> FhirMapper.appointment(v, kinds)).toList();
        return Bundles.searchSet(
                ScheduleFhirResource.base(uri), uri.getRequestUri().toString(), found);
    }

    @POST
    public Response create(Appointment appointment, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri) {
        var created = bookings.place(current.require(), requests.booking(appointment), false, key);
        return Response.created(URI.create(ScheduleFhirResource.base(uri) + "/Appointment/" + created.id()))
                .entity(appointment(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    public Appointment update(@PathParam("id") String id, Appointment appointment) {
        UUID bookingId = Params.uuid("id", id);
        return appointment(requests.apply(current.require(), bookingId, appointment));
    }

    private Appointment appointment(BookingView view) {
        return FhirMapper.appointment(view, resources.kindsOf(view.resourceIds()));
    }
}
