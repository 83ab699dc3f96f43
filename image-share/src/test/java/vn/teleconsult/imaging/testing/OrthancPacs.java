package vn.teleconsult.imaging.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;

/**
 * A real Orthanc (Debian {@code orthanc}) as a hospital PACS, inside a network namespace this fixture creates and
 * deletes, reached from the root namespace through a veth pair with private test addresses (Orthanc cannot bind
 * 127.0.0.1 alone). Needs root and iproute2.
 */
public final class OrthancPacs implements AutoCloseable {

    public static final String AE_TITLE = "ORTHANC";
    public static final int DICOM_PORT = 4242;
    public static final int HTTP_PORT = 8042;

    private final String namespace;
    private final String hostVeth;
    private final String hostAddress;
    private final String pacsAddress;
    private final Path dir;
    private Process orthanc;
    private TcpRelay relay;
    private final String aeTitle;

    /** Starts Orthanc; {@code ourAeTitle}/{@code ourPort} are registered in it as a modality. */
    public OrthancPacs(String ourAeTitle, int ourPort) throws Exception {
        this(ourAeTitle, ourPort, null, null);
    }

    /**
     * Starts Orthanc with its own AE title as a peer that also opens associations to us (when {@code orthancAe} is given:
     * through a {@link TcpRelay} on the namespace's host-side address to our DIMSE port on 127.0.0.1), accepting only
     * {@code acceptedSyntaxes} as storage SCP when given (Orthanc's {@code AcceptedTransferSyntaxes}).
     */
    public OrthancPacs(String ourAeTitle, int ourPort, String orthancAe, List<String> acceptedSyntaxes)
            throws Exception {
        this.aeTitle = orthancAe == null ? AE_TITLE : orthancAe;
        int n = ThreadLocalRandom.current().nextInt(1, 250);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
        namespace = "tcpacs-" + suffix;
        hostVeth = "tch" + suffix;
        String nsVeth = "tcn" + suffix;
        hostAddress = "10.213." + n + ".1";
        pacsAddress = "10.213." + n + ".2";
        dir = Files.createTempDirectory("orthanc");
        try {
            ip("netns", "add", namespace);
            ip("link", "add", hostVeth, "type", "veth", "peer", "name", nsVeth);
            ip("link", "set", nsVeth, "netns", namespace);
            ip("addr", "add", hostAddress + "/30", "dev", hostVeth);
            ip("link", "set", hostVeth, "up");
            ip("-n", namespace, "addr", "add", pacsAddress + "/30", "dev", nsVeth);
            ip("-n", namespace, "link", "set", nsVeth, "up");
            ip("-n", namespace, "link", "set", "lo", "up");
            int port = ourPort;
            if (orthancAe != null) {
                relay = new TcpRelay(hostAddress, ourPort);
                port = relay.port();
            }
            String config = config(ourAeTitle, port);
            if (acceptedSyntaxes != null) {
                config = config.replaceFirst(
                        "\\{",
                        "{ \"AcceptedTransferSyntaxes\": [\"" + String.join("\", \"", acceptedSyntaxes) + "\"],");
            }
            Files.writeString(dir.resolve("orthanc.json"), config);
            orthanc = new ProcessBuilder(
                            "ip",
                            "netns",
                            "exec",
                            namespace,
                            "/usr/sbin/Orthanc",
                            dir.resolve("orthanc.json").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("orthanc.log").toFile())
                    .start();
            waitForPort(DICOM_PORT, 30_000);
            waitForPort(HTTP_PORT, 30_000);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Orthanc's REST API root, e.g. {@code http://10.213.7.2:8042}. */
    public String rest() {
        return "http://" + pacsAddress + ":" + HTTP_PORT;
    }

    public String aeTitle() {
        return aeTitle;
    }

    public String host() {
        return pacsAddress;
    }

    /** The address of the root namespace as Orthanc sees it. */
    public String ourAddress() {
        return hostAddress;
    }

    /** Sends files to Orthanc with DCMTK's storescu. */
    public void store(Path folder) throws Exception {
        var result = Commands.run(
                List.of(
                        "storescu",
                        "-aet",
                        "TESTLOADER",
                        "-aec",
                        AE_TITLE,
                        pacsAddress,
                        Integer.toString(DICOM_PORT),
                        "+sd",
                        "+r",
                        folder.toString()),
                120);
        if (result.exit() != 0) {
            throw new IllegalStateException("storescu to Orthanc failed: " + result.output());
        }
    }

    private String config(String ourAeTitle, int ourPort) {
        return """
                {
                  "Name": "TestPACS",
                  "StorageDirectory": "%1$s/storage",
                  "IndexDirectory": "%1$s/index",
                  "DicomAet": "%2$s",
                  "DicomPort": %3$d,
                  "HttpPort": %4$d,
                  "RemoteAccessAllowed": true,
                  "AuthenticationEnabled": false,
                  "DicomCheckCalledAet": false,
                  "DicomAlwaysAllowEcho": true,
                  "DicomAlwaysAllowStore": true,
                  "DicomModalities": {
                    "teleconsult": { "AET": "%5$s", "Host": "%6$s", "Port": %7$d, "AllowFind": true,
                      "AllowGet": true, "AllowMove": true, "AllowStore": true, "AllowEcho": true }
                  },
                  "Plugins": [ "/usr/share/orthanc/plugins/libOrthancDicomWeb.so" ],
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }
                }
                """
                .formatted(dir, aeTitle, DICOM_PORT, HTTP_PORT, ourAeTitle, hostAddress, ourPort);
    }

    private void waitForPort(int port, long millis) {
        Awaitility.await("Orthanc listening on " + port)
                .atMost(Duration.ofMillis(millis))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!orthanc.isAlive()) {
                        throw new IllegalStateException(
                                "Orthanc exited: " + Files.readString(dir.resolve("orthanc.log")));
                    }
                    try (var socket = new Socket()) {
                        socket.connect(new InetSocketAddress(pacsAddress, port), 500);
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private static void ip(String... args) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add("ip");
        command.addAll(List.of(args));
        var result = Commands.run(command, 30);
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + result.output());
        }
    }

    @Override
    public void close() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (orthanc != null) {
            orthanc.destroy();
            if (!orthanc.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                orthanc.destroyForcibly();
                orthanc.waitFor();
            }
        }
        Commands.run(List.of("ip", "link", "del", hostVeth), 30);
        Commands.run(List.of("ip", "netns", "del", namespace), 30);
    }
}
