package vn.teleconsult.scheduling.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.CREATE;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.UPDATE;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
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

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("Appointment")
            .interactions(READ, SEARCHTYPE, CREATE, UPDATE)
            .search("_id", SearchParamType.TOKEN)
            .search("actor", SearchParamType.REFERENCE)
            .search("patient", SearchParamType.REFERENCE)
            .search("practitioner", SearchParamType.REFERENCE)
            .search("date", SearchParamType.DATE)
            .search("status", SearchParamType.TOKEN)
            .documentation("Create with exactly one Slot reference; update with status cancelled to cancel, or"
                    + " status booked and a new start to reschedule.");

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
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
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
        Set<String> statuses = search.tokens("status");
        if (statuses != null) {
            statuses.forEach(FhirMapper::status); // each must be a status that is served
        }
        Set<UUID> ids = search.references("_id", "Appointment");
        if (ids != null && ids.size() > FhirSearch.MAX_COUNT) {
            throw ProblemException.badRequest("_id: at most " + FhirSearch.MAX_COUNT + " ids.");
        }
        var dates = search.dates("date");
        var caller = current.require();
        var views = ids == null
                ? bookings.search(
                        caller, practitioner, patient, null, dates.from(), dates.to(), FhirSearch.MAX_MATCHES + 1)
                : visible(caller, ids);
        UUID practitionerId = practitioner;
        UUID patientId = patient;
        var matches = views.stream()
                .filter(v -> statuses == null
                        || statuses.contains(FhirMapper.status(v.status()).toCode()))
                .filter(v -> ids == null
                        || ((practitionerId == null
                                        || practitionerId.equals(v.practitionerId())
                                        || v.resourceIds().contains(practitionerId))
                                && (patientId == null || patientId.equals(v.patientId()))
                                && dates.contains(v.start())))
                .toList();
        // the booking search looks at no more than MAX_MATCHES bookings: reaching that, there may be more
        boolean more = ids == null && views.size() >= FhirSearch.MAX_MATCHES;
        return Bundles.searchSet(uri, search, Bundles.lazily(matches, this::appointment), more);
    }

    @POST
    public Response create(Appointment appointment, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri) {
        var created = bookings.place(current.require(), requests.booking(appointment), false, key);
        return Response.created(URI.create(Bundles.base(uri) + "/Appointment/" + created.id()))
                .entity(appointment(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    public Appointment update(@PathParam("id") String id, Appointment appointment) {
        UUID bookingId = Params.uuid("id", id);
        return appointment(requests.apply(current.require(), bookingId, appointment));
    }

    /** The named bookings the caller may read; others are simply not found, as in any search. */
    private List<BookingView> visible(Actor caller, Set<UUID> ids) {
        var found = new ArrayList<BookingView>();
        for (UUID id : ids) {
            try {
                found.add(bookings.get(caller, id));
            } catch (ProblemException e) {
                if (e.status() != 403 && e.status() != 404) {
                    throw e;
                }
            }
        }
        return found;
    }

    private Appointment appointment(BookingView view) {
        return FhirMapper.appointment(view, resources.kindsOf(view.resourceIds()));
    }
}
