package vn.teleconsult.imaging.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.service.DicomNodes.Node;
import vn.teleconsult.imaging.service.PacsClient.Peer;
import vn.teleconsult.imaging.service.PacsClient.RemoteStudy;
import vn.teleconsult.imaging.storage.FileSystemStorage;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/**
 * Searches a hospital's PACS and brings a study into the store in the background, recording progress in PostgreSQL
 * so any replica can report it. Instances go through {@link StudyStore} like any other received instance.
 */
@ApplicationScoped
public class PacsPull {

    /** Progress of one retrieval. */
    public record Retrieval(
            UUID id,
            UUID nodeId,
            String studyUid,
            String state,
            Integer expected,
            int received,
            int failed,
            String message) {}

    private final DicomNodes nodes;
    private final ImagingPolicy policy;
    private final PacsClient client;
    private final StudyStore store;
    private final ImagingAudit audit;
    private final EntityManager em;
    private final Path incoming;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        var thread = new Thread(r, "pacs-pull");
        thread.setDaemon(true);
        return thread;
    });

    public PacsPull(
            DicomNodes nodes,
            ImagingPolicy policy,
            PacsClient client,
            StudyStore store,
            ImagingAudit audit,
            EntityManager em,
            FileSystemStorage storage)
            throws IOException {
        this.nodes = nodes;
        this.policy = policy;
        this.client = client;
        this.store = store;
        this.audit = audit;
        this.em = em;
        this.incoming = storage.root().resolve("tmp").resolve("pull");
        Files.createDirectories(incoming);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** The PACS of the actor's hospital. */
    public List<Node> list(Actor actor) {
        return policy.listablePacs(actor, hospital -> nodes.of(hospital, DicomNodes.Kind.REMOTE));
    }

    public List<RemoteStudy> find(Actor actor, UUID nodeId, StudyFilter filter) {
        Node node = node(actor, nodeId);
        try {
            var studies = client.findStudies(peer(node), filter);
            audit.record(
                    AuditEntry.of(AuditAction.READ, "PacsQuery", node.aeTitle()).detail("matches=" + studies.size()),
                    actor);
            return studies;
        } catch (PacsClient.PacsException e) {
            throw new ProblemException(502, "PACS unavailable", e.getMessage());
        }
    }

    /** Starts bringing the study in; answers at once with the retrieval to poll. */
    public Retrieval start(Actor actor, UUID nodeId, String studyUid) {
        if (!DicomUids.isValid(studyUid)) {
            throw ProblemException.badRequest("studyUid: not a DICOM UID.");
        }
        Node node = node(actor, nodeId);
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into imaging.pacs_retrieval (id,"
                        + " node_id, hospital_id, study_uid, requested_by, state) values (?1, ?2, ?3, ?4, ?5,"
                        + " 'QUEUED')")
                .setParameter(1, id)
                .setParameter(2, node.id())
                .setParameter(3, node.hospitalId())
                .setParameter(4, studyUid)
                .setParameter(5, actor.id())
                .executeUpdate());
        audit.record(
                AuditEntry.of(AuditAction.EXECUTE, "PacsRetrieval", studyUid).detail("node=" + node.aeTitle()), actor);
        workers.submit(() -> run(id, node, studyUid));
        return retrieval(actor, id);
    }

    public Retrieval retrieval(Actor actor, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select id, node_id, study_uid, state, expected, received, failed,"
                            + " message, hospital_id from imaging.pacs_retrieval where id = ?1")
                    .setParameter(1, id)
                    .getResultList();
            if (rows.isEmpty() || !policy.canFollowRetrieval(actor, (UUID) ((Object[]) rows.get(0))[8])) {
                throw ProblemException.notFound("No retrieval " + id + ".");
            }
            Object[] r = (Object[]) rows.get(0);
            return new Retrieval(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    r[4] == null ? null : ((Number) r[4]).intValue(),
                    ((Number) r[5]).intValue(),
                    ((Number) r[6]).intValue(),
                    (String) r[7]);
        });
    }

    private void run(UUID id, Node node, String studyUid) {
        var received = new AtomicInteger();
        var failed = new AtomicInteger();
        try {
            Integer expected = client
                    .findStudies(
                            peer(node),
                            new StudyFilter(null, null, null, null, null, null, List.of(studyUid), null, null, 1, 0))
                    .stream()
                    .findFirst()
                    .map(RemoteStudy::instances)
                    .orElse(null);
            update(id, "RUNNING", expected, 0, 0, null);
            client.retrieveStudy(peer(node), studyUid, incoming, file -> {
                var result = store.store(file, node.hospitalId(), studyUid);
                if (result.stored()) {
                    received.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                update(id, "RUNNING", expected, received.get(), failed.get(), null);
            });
            update(
                    id,
                    failed.get() == 0 && received.get() > 0 ? "DONE" : "FAILED",
                    expected,
                    received.get(),
                    failed.get(),
                    received.get() == 0 ? "The PACS sent no instance." : null);
        } catch (PacsClient.PacsException | RuntimeException e) {
            Log.warnf("PACS retrieval %s failed: %s", id, e.getMessage());
            update(id, "FAILED", null, received.get(), failed.get(), "The PACS did not send the study.");
        }
    }

    private void update(UUID id, String state, Integer expected, int received, int failed, String message) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update imaging.pacs_retrieval set state ="
                        + " ?2, expected = coalesce(cast(?3 as integer), expected), received = ?4, failed = ?5, message = ?6,"
                        + " updated_at = now() where id = ?1")
                .setParameter(1, id)
                .setParameter(2, state)
                .setParameter(3, expected)
                .setParameter(4, received)
                .setParameter(5, failed)
                .setParameter(6, message)
                .executeUpdate());
    }

    private Node node(Actor actor, UUID nodeId) {
        try {
            return policy.pacsOf(actor, nodes.byId(nodeId), nodeId);
        } catch (ProblemException refused) {
            audit.record(
                    AuditEntry.of(AuditAction.READ, "DicomNode", nodeId)
                            .outcome(AuditOutcome.DENIED)
                            .detail("pacs"),
                    actor);
            throw refused;
        }
    }

    private static Peer peer(Node node) {
        return new Peer(node.aeTitle(), node.host(), node.port());
    }
}
