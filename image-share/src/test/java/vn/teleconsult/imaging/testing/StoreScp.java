package vn.teleconsult.imaging.testing;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * DCMTK's storescp as a C-MOVE destination, on a free port (storescp 3.6.7 cannot be told an address: it listens on
 * all interfaces, and answers only its own AE title). Stopped by {@link #close}.
 */
public final class StoreScp implements AutoCloseable {

    private final Process process;
    private final Path folder;
    private final int port;

    /** @param options e.g. {@code +xa} to accept every transfer syntax; none: uncompressed only (storescp's default) */
    public StoreScp(String aeTitle, String... options) throws Exception {
        folder = Files.createTempDirectory("storescp");
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        var command = new ArrayList<>(List.of("storescp", "-aet", aeTitle, "-od", folder.toString()));
        command.addAll(List.of(options));
        command.add(Integer.toString(port));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        folder.resolveSibling(folder.getFileName() + ".log").toFile())
                .start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(this::listening);
    }

    private boolean listening() {
        if (!process.isAlive()) {
            throw new IllegalStateException("storescp exited");
        }
        try (var s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** The files received so far. */
    public List<Path> files() throws Exception {
        try (var list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).toList();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
