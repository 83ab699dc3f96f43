package vn.teleconsult.consult.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultDocument;
import vn.teleconsult.consult.domain.ConsultMessage;
import vn.teleconsult.consult.repository.DocumentRepository;
import vn.teleconsult.consult.repository.MessageRepository;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/** The case thread: messages between the satellite and hub teams, with attachments and new-message notices. */
@ApplicationScoped
public class ThreadService {

    private final MessageRepository messages;
    private final DocumentRepository documents;
    private final ConsultAccess access;
    private final Notifications notifications;
    private final Directory directory;

    public ThreadService(
            MessageRepository messages,
            DocumentRepository documents,
            ConsultAccess access,
            Notifications notifications,
            Directory directory) {
        this.messages = messages;
        this.documents = documents;
        this.access = access;
        this.notifications = notifications;
        this.directory = directory;
    }

    public MessageView post(Actor actor, UUID consultId, MessageInput in) {
        var posted = QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.forChange(actor, consultId, "post message");
            ConsultAccess.requireWriter(actor, c);
            if (!c.state.open()) {
                throw ProblemException.conflict("Consult " + consultId + " is " + c.state + "; its thread is closed.");
            }
            var m = new ConsultMessage();
            m.id = UUID.randomUUID();
            m.consultId = consultId;
            m.authorId = actor.userId();
            m.authorHospitalId = actor.hospitalId();
            m.body = in.body();
            m.createdAt = Instant.now();
            messages.persist(m);
            for (UUID documentId : in.documentIds() == null ? List.<UUID>of() : in.documentIds()) {
                ConsultDocument d = documents
                        .of(consultId, documentId)
                        .filter(doc -> doc.messageId == null && doc.uploadedBy.equals(actor.userId()))
                        .orElseThrow(() -> ProblemException.badRequest("documentIds: " + documentId
                                + " is not a document you uploaded to this consult and have not sent yet."));
                d.messageId = m.id;
            }
            var recipients = new ArrayList<>(c.members());
            if (c.specialistId == null) {
                directory.staff(c.hubId, Role.COORDINATOR).forEach(p -> recipients.add(p.id()));
            }
            notifications.notify(recipients, consultId, "NEW_MESSAGE", actor.userId());
            return new Object[] {c, m.id};
        });
        Consult c = (Consult) posted[0];
        access.changed(c, "message posted");
        UUID id = (UUID) posted[1];
        return list(actor, consultId).stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    public List<MessageView> list(Actor actor, UUID consultId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.visible(actor, consultId, AuditAction.READ, "read thread");
            access.read(c, "thread");
            var docs = documents.of(consultId);
            return messages.of(consultId).stream()
                    .map(m -> new MessageView(
                            m.id,
                            m.authorId,
                            m.authorHospitalId,
                            m.body,
                            m.createdAt,
                            docs.stream()
                                    .filter(d -> m.id.equals(d.messageId()))
                                    .toList()))
                    .toList();
        });
    }
}
