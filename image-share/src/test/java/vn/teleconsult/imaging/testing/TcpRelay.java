package vn.teleconsult.imaging.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Forwards TCP connections from a test network namespace's address (the only non-loopback address tests may bind) to
 * a port on 127.0.0.1, so that a peer inside the namespace (Orthanc) can open associations to our DIMSE listener.
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;

    public TcpRelay(String bindAddress, int targetPort) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getByName(bindAddress));
        var acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket in = server.accept();
                    Socket out = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    pump(in.getInputStream(), out.getOutputStream(), in, out);
                    pump(out.getInputStream(), in.getOutputStream(), in, out);
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(InputStream from, OutputStream to, Socket a, Socket b) {
        var thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ignored) {
                // either side closed
            } finally {
                try {
                    a.close();
                    b.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
