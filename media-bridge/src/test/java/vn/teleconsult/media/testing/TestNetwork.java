package vn.teleconsult.media.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private network namespace made for the tests: a veth pair with one end (the "host" side) in the root namespace and
 * the other inside, private addresses, no route out. Janus never gathers ICE candidates on loopback, so Janus binds to
 * and gathers on the host side, and Chromium runs inside the namespace. Deleted (with the pair) by {@link #delete()}.
 */
public final class TestNetwork {

    private final String namespace;
    private final String hostInterface;
    private final String hostAddress;
    private final String innerAddress;

    private TestNetwork(String namespace, String hostInterface, String hostAddress, String innerAddress) {
        this.namespace = namespace;
        this.hostInterface = hostInterface;
        this.hostAddress = hostAddress;
        this.innerAddress = innerAddress;
    }

    public static TestNetwork create() {
        long pid = ProcessHandle.current().pid();
        int subnet = (int) (pid % 200) + 20;
        String name = "tcmb" + pid;
        var network = new TestNetwork(name, name + "h", "10.231." + subnet + ".1", "10.231." + subnet + ".2");
        network.delete(); // a namespace left over by a killed run of this same PID
        run("ip", "netns", "add", name);
        run("ip", "link", "add", name + "h", "type", "veth", "peer", "name", name + "n");
        run("ip", "link", "set", name + "n", "netns", name);
        run("ip", "addr", "add", network.hostAddress + "/30", "dev", name + "h");
        run("ip", "link", "set", name + "h", "up");
        run("ip", "-n", name, "addr", "add", network.innerAddress + "/30", "dev", name + "n");
        run("ip", "-n", name, "link", "set", name + "n", "up");
        run("ip", "-n", name, "link", "set", "lo", "up");
        return network;
    }

    public String hostAddress() {
        return hostAddress;
    }

    public String hostInterface() {
        return hostInterface;
    }

    /** A command line that runs inside the namespace. */
    public List<String> inside(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    public void delete() {
        runQuietly("ip", "link", "del", hostInterface);
        runQuietly("ip", "netns", "del", namespace);
    }

    private static void run(String... command) {
        if (runQuietly(command) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static int runQuietly(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
