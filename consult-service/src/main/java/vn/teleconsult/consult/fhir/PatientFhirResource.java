package vn.teleconsult.consult.fhir;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Patient;
import vn.teleconsult.consult.service.ConsultRecords;
import vn.teleconsult.consult.service.PatientRecord;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirMedia;
import vn.teleconsult.platform.fhir.FhirResourceCapability;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.fhir.FhirStrings;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/**
 * FHIR R4 Patient: a consult's patient (id: the consult's pseudonymous patient key), seen by whoever sees the consult;
 * or a portal patient (id: their user id), seen by themself and by whoever sees one of their bookings. Read and
 * search; every patient returned is audited.
 */
@Path("/fhir/Patient")
@Produces(FhirMedia.JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.PATIENT})
public class PatientFhirResource {

    /** The search parameters served (also listed in {@code /fhir/metadata}). */
    static final Map<String, SearchParamType> PARAMS = Map.of(
            "_id", SearchParamType.TOKEN,
            "identifier", SearchParamType.TOKEN,
            "name", SearchParamType.STRING,
            "birthdate", SearchParamType.DATE,
            "gender", SearchParamType.TOKEN);

    /** What this endpoint serves; {@code /fhir/metadata} lists it. */
    static final FhirResourceCapability CAPABILITY = FhirResourceCapability.of("Patient")
            .interactions(READ, SEARCHTYPE)
            .search(PARAMS)
            .documentation("A consult's patient (id: the consult's pseudonymous patient key), for whoever"
                    + " sees the consult; a portal patient (id: the user's), for themself and whoever sees"
                    + " one of their bookings. Searches list the consults of the caller's worklist.");

    private final ConsultRecords records;
    private final CurrentActor current;

    public PatientFhirResource(ConsultRecords records, CurrentActor current) {
        this.records = records;
        this.current = current;
    }

    @GET
    @Path("/{id}")
    public Patient read(@PathParam("id") String id) {
        return ClinicalFhirMapper.patient(records.patient(current.require(), ConsultFhirMapper.id(id)));
    }

    @GET
    public Bundle search(@Context UriInfo uri) {
        var search = FhirSearch.of(uri.getQueryParameters(), CAPABILITY);
        UUID id = search.reference("_id", "Patient");
        String identifier = search.token("identifier");
        String name = search.string("name");
        var born = search.dates("birthdate");
        String gender = search.token("gender");
        if (gender != null && !List.of("male", "female", "other", "unknown").contains(gender)) {
            throw ProblemException.badRequest("gender: male, female, other or unknown.");
        }
        int count = FhirSearch.MAX_MATCHES + 1;
        var actor = current.require();
        List<PatientRecord> candidates;
        if (id != null) {
            candidates = one(() -> records.patient(actor, id));
        } else {
            candidates = records.patients(actor);
        }
        Predicate<Patient> matching = p -> (identifier == null
                        || p.getIdentifier().stream().anyMatch(i -> identifier.equals(i.getValue())))
                && (name == null || FhirStrings.startsWith(p.getNameFirstRep().getText(), name))
                && (gender == null || (p.hasGender() && p.getGender().toCode().equals(gender)))
                && (born.from() == null && born.to() == null || bornWithin(p, born));
        var found = candidates.stream()
                .filter(r -> matching.test(ClinicalFhirMapper.patient(r)))
                .limit(count)
                .toList();
        boolean audited = id != null; // read by id: records.patient audited it
        return Bundles.searchSet(uri, search, Bundles.lazily(found, r -> {
            if (!audited) {
                records.returned(r);
            }
            return ClinicalFhirMapper.patient(r);
        }));
    }

    private static boolean bornWithin(Patient p, FhirSearch.DateRange range) {
        if (!p.hasBirthDate()) {
            return false;
        }
        Instant born = p.getBirthDateElement()
                .getValueAsCalendar()
                .toZonedDateTime()
                .toLocalDate()
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        return (range.from() == null || !born.isBefore(range.from()))
                && (range.to() == null || born.isBefore(range.to()));
    }

    /** A search by id finds nothing (rather than 404) for an id out of reach. */
    static <T> List<T> one(java.util.function.Supplier<T> lookup) {
        try {
            return List.of(lookup.get());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }
}
