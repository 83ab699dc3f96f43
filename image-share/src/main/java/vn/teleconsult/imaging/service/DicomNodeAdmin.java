package vn.teleconsult.imaging.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.teleconsult.imaging.service.DicomNodes.Kind;
import vn.teleconsult.imaging.service.DicomNodes.Node;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/**
 * Administration of the DICOM nodes of a hospital: a network administrator manages every hospital's, a hospital
 * administrator only their own (another hospital's node answers 404). Changes are audited; "test connection" sends a
 * C-ECHO to the node, bounded in time.
 */
@ApplicationScoped
public class DicomNodeAdmin {

    /** How long a C-ECHO may take, connection included, before the test counts as failed. */
    static final Duration ECHO_TIMEOUT = Duration.ofSeconds(10);

    /** A node to create or change; hospitalId and kind are only read on creation. */
    public record NodeInput(UUID hospitalId, String aeTitle, String host, Integer port, Kind kind) {}

    /** The outcome of a C-ECHO: reachable or not, the round trip, and what went wrong. */
    public record EchoResult(boolean reachable, long millis, String message) {}

    private final DicomNodes nodes;
    private final ImagingPolicy policy;
    private final PacsClient client;
    private final Directory directory;
    private final ImagingAudit audit;
    private final ExecutorService echoes = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "dicom-echo");
        thread.setDaemon(true);
        return thread;
    });

    public DicomNodeAdmin(
            DicomNodes nodes, ImagingPolicy policy, PacsClient client, Directory directory, ImagingAudit audit) {
        this.nodes = nodes;
        this.policy = policy;
        this.client = client;
        this.directory = directory;
        this.audit = audit;
    }

    @PreDestroy
    void stop() {
        echoes.shutdownNow();
    }

    public List<Node> list(Actor actor, UUID hospital) {
        return policy.listableNodes(actor, hospital, nodes::list);
    }

    public Node create(Actor actor, NodeInput input) {
        if (input == null || input.kind() == null) {
            throw ProblemException.badRequest("Give aeTitle, kind (CALLING or REMOTE), and host and port for a PACS.");
        }
        UUID hospital;
        try {
            hospital = policy.nodeHospital(actor, input.hospitalId());
        } catch (ProblemException refused) {
            denied(actor, AuditAction.CREATE, null);
            throw refused;
        }
        if (directory.hospital(hospital).isEmpty()) {
            throw ProblemException.notFound("No such hospital.");
        }
        Node node = nodes.register(hospital, input.aeTitle(), input.host(), input.port(), input.kind());
        audit.record(AuditEntry.of(AuditAction.CREATE, "DicomNode", node.id()).detail("kind=" + node.kind()), actor);
        return node;
    }

    public Node update(Actor actor, UUID id, NodeInput input) {
        if (input == null) {
            throw ProblemException.badRequest("Give aeTitle, and host and port for a PACS.");
        }
        Node node = visible(actor, id);
        if (input.kind() != null && input.kind() != node.kind()) {
            throw ProblemException.badRequest("A node's kind cannot change; delete it and add a new one.");
        }
        if (input.hospitalId() != null && !input.hospitalId().equals(node.hospitalId())) {
            throw ProblemException.badRequest("A node's hospital cannot change; delete it and add a new one.");
        }
        Node changed = nodes.update(node, input.aeTitle(), input.host(), input.port());
        audit.record(AuditEntry.of(AuditAction.UPDATE, "DicomNode", id), actor);
        return changed;
    }

    public void delete(Actor actor, UUID id) {
        visible(actor, id);
        nodes.delete(id);
        audit.record(AuditEntry.of(AuditAction.DELETE, "DicomNode", id), actor);
    }

    /** Sends a C-ECHO to the node and reports the outcome; a node without host and port cannot be called. */
    public EchoResult echo(Actor actor, UUID id) {
        Node node = visible(actor, id);
        if (node.host() == null || node.port() == null) {
            throw ProblemException.conflict(
                    "This node has no host and port: it only calls us. Add them to test the connection.");
        }
        var peer = new PacsClient.Peer(node.aeTitle(), node.host(), node.port());
        long started = System.nanoTime();
        var future = echoes.submit(() -> {
            client.echo(peer);
            return null;
        });
        String failure = null;
        try {
            future.get(ECHO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            failure = node.aeTitle() + " at " + node.host() + ":" + node.port() + " did not answer within "
                    + ECHO_TIMEOUT.toSeconds() + " s.";
        } catch (ExecutionException e) {
            failure = Objects.requireNonNullElse(e.getCause(), e).getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "Interrupted.";
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        audit.record(
                AuditEntry.of(AuditAction.EXECUTE, "DicomNode", id)
                        .detail("c-echo=" + (failure == null ? "ok" : "failed")),
                actor);
        return new EchoResult(failure == null, millis, failure == null ? "C-ECHO succeeded." : failure);
    }

    private Node visible(Actor actor, UUID id) {
        try {
            return policy.manageableNode(actor, nodes.byId(id));
        } catch (ProblemException refused) {
            denied(actor, AuditAction.UPDATE, id);
            throw refused;
        }
    }

    private void denied(Actor actor, AuditAction action, UUID id) {
        audit.record(AuditEntry.of(action, "DicomNode", id).outcome(AuditOutcome.DENIED), actor);
    }
}
