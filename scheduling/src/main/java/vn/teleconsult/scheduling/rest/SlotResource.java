package vn.teleconsult.scheduling.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Roles;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.service.SlotQuery;
import vn.teleconsult.scheduling.service.SlotService;
import vn.teleconsult.scheduling.service.SlotView;

/** Free-slot search: for staff across all schedules, and a public search of patient-visit slots (no patient data). */
@Path("/api/scheduling")
@Produces(MediaType.APPLICATION_JSON)
public class SlotResource {

    private final SlotService slots;

    public SlotResource(SlotService slots) {
        this.slots = slots;
    }

    @GET
    @Path("/slots")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SATELLITE_DOCTOR, Roles.ADMIN, Roles.PATIENT})
    public List<SlotView> search(
            @QueryParam("kind") String kind,
            @QueryParam("hospital") String hospital,
            @QueryParam("practitioner") String practitioner,
            @QueryParam("schedule") String schedule,
            @QueryParam("service") String service,
            @QueryParam("specialty") String specialty,
            @QueryParam("mode") String mode,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit) {
        return slots.search(new SlotQuery(
                Params.enumValue("kind", kind, BookingKind.class),
                Params.uuid("hospital", hospital),
                Params.uuid("practitioner", practitioner),
                Params.uuid("schedule", schedule),
                blankToNull(service),
                blankToNull(specialty),
                Params.enumValue("mode", mode, VisitMode.class),
                Params.instant("from", from),
                Params.instant("to", to),
                integer("limit", limit)));
    }

    /** Free patient-visit slots of a hospital, for anyone: times, service and modes only. */
    @GET
    @Path("/public/slots")
    @PermitAll
    public List<SlotView> publicSearch(
            @QueryParam("hospital") String hospital,
            @QueryParam("service") String service,
            @QueryParam("mode") String mode,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit) {
        if (hospital == null || hospital.isBlank()) {
            throw ProblemException.badRequest("hospital: which hospital's slots? (its id)");
        }
        return slots.search(new SlotQuery(
                BookingKind.PATIENT_VISIT,
                Params.uuid("hospital", hospital),
                null,
                null,
                blankToNull(service),
                null,
                Params.enumValue("mode", mode, VisitMode.class),
                Params.instant("from", from),
                Params.instant("to", to),
                integer("limit", limit)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + ": must be a whole number.");
        }
    }
}
