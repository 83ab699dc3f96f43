package vn.teleconsult.consult.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.teleconsult.consult.domain.DocumentInfo;
import vn.teleconsult.consult.service.DocumentContent;
import vn.teleconsult.consult.service.DocumentService;
import vn.teleconsult.consult.service.MessageInput;
import vn.teleconsult.consult.service.MessageView;
import vn.teleconsult.consult.service.ThreadService;
import vn.teleconsult.platform.problem.Params;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** The case thread and documents of a consult. */
@Path("/api/consults/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST})
public class ConsultThreadResource {

    private final ThreadService thread;
    private final DocumentService documents;
    private final CurrentActor current;

    public ConsultThreadResource(ThreadService thread, DocumentService documents, CurrentActor current) {
        this.thread = thread;
        this.documents = documents;
        this.current = current;
    }

    @GET
    @Path("messages")
    public List<MessageView> messages(@PathParam("id") String id) {
        return thread.list(current.require(), Params.uuid("id", id));
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("id") String id, @Valid @NotNull MessageInput input) {
        return Response.status(201)
                .entity(thread.post(current.require(), Params.uuid("id", id), input))
                .build();
    }

    @GET
    @Path("documents")
    public List<DocumentInfo> documents(@PathParam("id") String id) {
        return documents.list(current.require(), Params.uuid("id", id));
    }

    /** Upload as multipart/form-data, field {@code file}, with the file's real content type. */
    @POST
    @Path("documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") String id, @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.badRequest("Send the document as multipart/form-data in a field named 'file'.");
        }
        DocumentInfo stored = documents.upload(
                current.require(), Params.uuid("id", id), file.fileName(), file.contentType(), file.uploadedFile());
        return Response.status(201).entity(stored).build();
    }

    @GET
    @Path("documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        DocumentContent d =
                documents.content(current.require(), Params.uuid("id", id), Params.uuid("documentId", documentId));
        return Response.ok(d.content(), d.mediaType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + Downloads.encode(d.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .build();
    }
}
