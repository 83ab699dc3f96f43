package vn.teleconsult.scheduling.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Slot;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.service.SchedulingSettings;
import vn.teleconsult.scheduling.service.SlotQuery;
import vn.teleconsult.scheduling.service.SlotService;

/**
 * FHIR R4 Slot: the free slots computed from the schedules' rules. Search by {@code schedule}, {@code start} (ge/lt),
 * {@code service-type}, {@code status} (free only: taken time is an Appointment).
 */
@Path("/fhir/Slot")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.PATIENT, Roles.SYSTEM})
public class SlotFhirResource {

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("Slot")
            .interactions(READ, SEARCHTYPE)
            .search("schedule", SearchParamType.REFERENCE)
            .search("start", SearchParamType.DATE)
            .search("service-type", SearchParamType.TOKEN)
            .search("status", SearchParamType.TOKEN)
            .documentation("Free slots only, computed from the schedules' rules; taken time is an Appointment."
                    + " Id: <schedule id>-<start in epoch seconds>. Without start, the next 7 days.");

    private final SlotService slots;
    private final SchedulingSettings settings;

    public SlotFhirResource(SlotService slots, SchedulingSettings settings) {
        this.slots = slots;
        this.settings = settings;
    }

    @GET
    @Path("/{id}")
    public Slot read(@PathParam("id") String id) {
        var ref = FhirMapper.slotRef(id);
        return slots
                .search(new SlotQuery(
                        null,
                        null,
                        null,
                        ref.scheduleId(),
                        null,
                        null,
                        null,
                        ref.start(),
                        // long enough to hold the longest slot: a free slot at this start comes first
                        ref.start().plus(Duration.ofMinutes(480)),
                        1))
                .stream()
                .filter(s -> s.start().equals(ref.start()))
                .findFirst()
                .map(FhirMapper::slot)
                .orElseThrow(() -> ProblemException.notFound("Slot " + id + " is not free (or not a slot)."));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        var statuses = search.tokens("status");
        if (statuses != null && !statuses.equals(Set.of("free"))) {
            throw ProblemException.badRequest("status: only free slots are listed; taken time is an Appointment.");
        }
        // the slot service answers at most its own limit: reaching it means there may be more
        int limit = Math.min(FhirSearch.MAX_MATCHES, settings.maxSearchResults());
        var range = search.dates("start");
        Instant from = range.from() == null ? Instant.now() : range.from();
        Instant to = range.to() == null ? from.plus(Duration.ofDays(7)) : range.to();
        var found = slots
                .search(new SlotQuery(
                        null,
                        null,
                        null,
                        search.reference("schedule", "Schedule"),
                        search.token("service-type"),
                        null,
                        null,
                        from,
                        to,
                        limit))
                .stream()
                .map(FhirMapper::slot)
                .toList();
        return Bundles.searchSet(uri, search, found, found.size() >= limit);
    }
}
