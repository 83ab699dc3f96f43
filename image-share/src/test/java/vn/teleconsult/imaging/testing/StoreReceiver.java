package vn.teleconsult.imaging.testing;

import com.pixelmed.network.AssociationStatusHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A C-STORE receiver on 127.0.0.1 for C-MOVE destinations in tests (DCMTK 3.6.7's storescp binds all interfaces). */
public final class StoreReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final Path folder;
    private final AtomicInteger received = new AtomicInteger();

    public StoreReceiver(String aeTitle) throws IOException {
        this.folder = Files.createTempDirectory("received");
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        var thread = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    var socket = server.accept();
                    new Thread(() -> {
                                try {
                                    new StorageSOPClassSCP(
                                                    socket,
                                                    aeTitle,
                                                    65536,
                                                    65536,
                                                    65536,
                                                    folder.toFile(),
                                                    com.pixelmed.dicom.StoredFilePathStrategy
                                                            .BYSOPINSTANCEUIDINSINGLEFOLDER,
                                                    new ReceivedObjectHandler() {
                                                        @Override
                                                        public void sendReceivedObjectIndication(
                                                                String file, String ts, String caller) {
                                                            received.incrementAndGet();
                                                        }
                                                    },
                                                    new AssociationStatusHandler() {
                                                        @Override
                                                        public void sendAssociationReleaseIndication(
                                                                com.pixelmed.network.Association a) {}
                                                    },
                                                    null,
                                                    null,
                                                    null,
                                                    new com.pixelmed.network
                                                            .AnyExplicitStorePresentationContextSelectionPolicy())
                                            .run();
                                } catch (Exception e) {
                                    // association ended
                                }
                            })
                            .start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int received() {
        return received.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
