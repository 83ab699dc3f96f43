package vn.teleconsult.imaging.dimse;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.service.DicomNodes;
import vn.teleconsult.imaging.service.DicomNodes.Kind;
import vn.teleconsult.imaging.service.ImagingPolicy;
import vn.teleconsult.imaging.service.InstanceEncoding;
import vn.teleconsult.imaging.service.StudyQuery;
import vn.teleconsult.imaging.service.StudyRetrieve;
import vn.teleconsult.imaging.service.StudyStore;
import vn.teleconsult.imaging.storage.FileSystemStorage;

/**
 * The DICOM DIMSE service class provider (C-ECHO, C-STORE, C-FIND, C-MOVE, C-GET). It opens its own server socket on
 * the configured address (the toolkit's dispatcher binds all interfaces), checks the called and calling AE titles of
 * each association request, and serves accepted ones with {@link DimseAssociation}.
 */
@ApplicationScoped
public class DimseServer {

    private static final int REASON_CALLING_AE_NOT_RECOGNIZED = 3;
    private static final int REASON_CALLED_AE_NOT_RECOGNIZED = 7;

    private final ImagingSettings settings;
    private final DicomNodes nodes;
    private final ImagingPolicy policy;
    private final StudyStore store;
    private final StudyQuery query;
    private final StudyRetrieve retrieve;
    private final InstanceEncoding encoding;
    private final Path incoming;
    private ServerSocket server;
    private ExecutorService workers;

    public DimseServer(
            ImagingSettings settings,
            DicomNodes nodes,
            ImagingPolicy policy,
            StudyStore store,
            StudyQuery query,
            StudyRetrieve retrieve,
            InstanceEncoding encoding,
            FileSystemStorage storage)
            throws IOException {
        this.settings = settings;
        this.nodes = nodes;
        this.policy = policy;
        this.store = store;
        this.query = query;
        this.retrieve = retrieve;
        this.encoding = encoding;
        this.incoming = storage.root().resolve("tmp").resolve("dimse");
        Files.createDirectories(incoming);
    }

    void start(@Observes StartupEvent event) throws IOException {
        if (!settings.dimse().enabled()) {
            return;
        }
        server = new ServerSocket(
                settings.dimse().port(),
                50,
                InetAddress.getByName(settings.dimse().host()));
        workers = Executors.newCachedThreadPool(r -> {
            var thread = new Thread(r, "dimse-association");
            thread.setDaemon(true);
            return thread;
        });
        var acceptor = new Thread(this::acceptLoop, "dimse-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        Log.infof(
                "DICOM DIMSE listening on %s:%d as %s",
                settings.dimse().host(), port(), settings.dimse().aeTitle());
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (server != null) {
            server.close();
            workers.shutdownNow();
        }
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    public String aeTitle() {
        return settings.dimse().aeTitle();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                workers.submit(() -> serve(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    Log.warnf("DIMSE accept failed: %s", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setSoTimeout(60_000);
            var request = AssociationRequest.read(socket.getInputStream());
            if (!request.calledAeTitle().equals(settings.dimse().aeTitle())) {
                Log.infof("DIMSE association for unknown called AE title refused");
                AssociationRequest.reject(socket.getOutputStream(), REASON_CALLED_AE_NOT_RECOGNIZED);
                socket.close();
                return;
            }
            var caller = nodes.byTitle(request.callingAeTitle(), Kind.CALLING);
            if (caller.isEmpty()) {
                Log.infof("DIMSE association from unknown calling AE title %s refused", request.callingAeTitle());
                AssociationRequest.reject(socket.getOutputStream(), REASON_CALLING_AE_NOT_RECOGNIZED);
                socket.close();
                return;
            }
            var actor = CallingAe.actor(request.callingAeTitle(), caller.get().hospitalId());
            UUID hospital = policy.storingHospital(actor);
            // C-MOVE sends only to AEs the policy allows for the caller's hospital; any other destination is unknown
            var destinations = new HashMap<String, DimseAssociation.Destination>();
            for (var node : nodes.of(hospital, Kind.CALLING)) {
                if (policy.isMoveDestination(hospital, node)) {
                    destinations.put(node.aeTitle(), new DimseAssociation.Destination(node.host(), node.port()));
                }
            }
            new DimseAssociation(
                            new ReplaySocket(socket, request.bytes()),
                            settings.dimse().aeTitle(),
                            incoming,
                            store,
                            hospital,
                            () -> new CFindHandler(
                                    query, actor, settings.dimse().maxFindResults()),
                            () -> new CMoveHandler(retrieve, actor),
                            destinations,
                            encoding)
                    .run();
        } catch (Exception e) {
            Log.debugf("DIMSE association ended: %s", e.getMessage());
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
