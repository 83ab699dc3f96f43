package vn.teleconsult.imaging.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.teleconsult.imaging.service.PacsClient.RemoteStudy;
import vn.teleconsult.imaging.service.PacsPull;
import vn.teleconsult.imaging.service.PacsPull.Retrieval;
import vn.teleconsult.imaging.service.StudyFilter;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** The caller's hospital PACS: list them, search one (C-FIND), bring a study in (C-GET) and follow its progress. */
@Path("/api/imaging/pacs")
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class PacsResource {

    /** A PACS as the client sees it. */
    public record PacsView(String id, String aeTitle) {}

    /** What to bring in. */
    public record RetrievalRequest(String studyUid) {}

    private final PacsPull pull;
    private final CurrentActor actor;

    public PacsResource(PacsPull pull, CurrentActor actor) {
        this.pull = pull;
        this.actor = actor;
    }

    @GET
    public List<PacsView> list() {
        return pull.list(actor.require()).stream()
                .map(n -> new PacsView(n.id().toString(), n.aeTitle()))
                .toList();
    }

    @GET
    @Path("/{node}/studies")
    public List<RemoteStudy> find(
            @PathParam("node") String node,
            @QueryParam("PatientID") String patientId,
            @QueryParam("PatientName") String patientName,
            @QueryParam("AccessionNumber") String accession,
            @QueryParam("StudyDate") String studyDate) {
        String[] dates = dates(studyDate);
        var filter = new StudyFilter(
                blank(patientId),
                blank(patientName),
                dates[0],
                dates[1],
                null,
                blank(accession),
                List.of(),
                null,
                null,
                200,
                0);
        return pull.find(actor.require(), nodeId(node), filter);
    }

    @POST
    @Path("/{node}/retrievals")
    public Response retrieve(@PathParam("node") String node, RetrievalRequest request) {
        if (request == null || request.studyUid() == null) {
            throw ProblemException.badRequest("Give the studyUid to bring in.");
        }
        Retrieval retrieval =
                pull.start(actor.require(), nodeId(node), request.studyUid().trim());
        return Response.accepted(retrieval).build();
    }

    @GET
    @Path("/retrievals/{id}")
    public Retrieval progress(@PathParam("id") String id) {
        return pull.retrieval(actor.require(), Params.uuid("id", id));
    }

    private static java.util.UUID nodeId(String node) {
        var id = Params.uuid("node", node);
        if (id == null) {
            throw ProblemException.badRequest("node: a PACS id is required.");
        }
        return id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String[] dates(String value) {
        try {
            return StudyFilter.dateRange(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
