package vn.teleconsult.consult.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultDocument;
import vn.teleconsult.consult.domain.DocumentInfo;
import vn.teleconsult.consult.repository.DocumentRepository;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.text.TextRules;

/** Attaches documents (PDF, PNG, JPEG) to consults, checking their real type by content and their size. */
@ApplicationScoped
public class DocumentService {

    private final DocumentRepository documents;
    private final ConsultAccess access;
    private final ConsultSettings settings;

    public DocumentService(DocumentRepository documents, ConsultAccess access, ConsultSettings settings) {
        this.documents = documents;
        this.access = access;
        this.settings = settings;
    }

    /** Stores the uploaded file; the declared type must be what the content is, and it must fit the size limit. */
    public DocumentInfo upload(Actor actor, UUID consultId, String fileName, String declaredType, Path file) {
        byte[] content = read(file);
        String name = fileName == null || TextRules.looksEmpty(fileName)
                ? "document"
                : TextRules.normalized(fileName.strip());
        if (name.length() > 200) {
            throw ProblemException.badRequest("The file name is longer than 200 characters.");
        }
        String problem = TextRules.problem(name, false);
        if (problem != null) {
            throw ProblemException.badRequest("The file name " + problem + "; rename the file and send it again.");
        }
        String actual = DocumentTypes.sniff(content)
                .orElseThrow(() -> new ProblemException(
                        415,
                        "Unsupported document",
                        "Only PDF, PNG and JPEG documents can be attached; this file's content is none of" + " them."));
        if (!actual.equals(DocumentTypes.normalise(declaredType))) {
            throw new ProblemException(
                    415,
                    "Document type mismatch",
                    "The file is declared as '" + declaredType + "' but its content is " + actual
                            + "; send it with its real type.");
        }
        Stored stored = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, consultId, "attach document");
            ConsultAccess.requireWriter(actor, consult);
            if (!consult.state.open()) {
                throw ProblemException.conflict("Consult " + consultId + " is " + consult.state
                        + "; documents are attached to open consults only.");
            }
            var d = new ConsultDocument();
            d.id = UUID.randomUUID();
            d.consultId = consultId;
            d.fileName = name;
            d.mediaType = actual;
            d.sizeBytes = content.length;
            d.sha256 = sha256(content);
            d.content = content;
            d.uploadedBy = actor.userId();
            d.uploadedAt = Instant.now();
            documents.persist(d);
            return new Stored(consult, d.id);
        });
        access.changed(stored.consult(), "document added");
        return list(actor, consultId).stream()
                .filter(v -> v.id().equals(stored.documentId()))
                .findFirst()
                .orElseThrow();
    }

    private record Stored(Consult consult, UUID documentId) {}

    public List<DocumentInfo> list(Actor actor, UUID consultId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.visible(actor, consultId, AuditAction.READ, "list documents");
            access.read(c, "documents");
            return documents.of(consultId).stream().toList();
        });
    }

    public DocumentContent content(Actor actor, UUID consultId, UUID documentId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.visible(actor, consultId, AuditAction.READ, "read document");
            var d = documents
                    .of(consultId, documentId)
                    .orElseThrow(() -> ProblemException.notFound("No document " + documentId + " on this consult."));
            access.read(c, "document " + documentId);
            return new DocumentContent(d.fileName, d.mediaType, d.content);
        });
    }

    private byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > settings.documents().maxSize()) {
                throw new ProblemException(
                        413,
                        "Document too large",
                        "The document has " + size + " bytes; the limit is "
                                + settings.documents().maxSize() + " bytes.");
            }
            if (size == 0) {
                throw ProblemException.badRequest("The document is empty.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("The uploaded file could not be read.");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
