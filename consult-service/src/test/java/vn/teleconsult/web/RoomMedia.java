package vn.teleconsult.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.teleconsult.consult.ConsultJanus;

/**
 * What the consult room's browser test needs for real media: a private network namespace (a veth pair, one end
 * here, one inside, private addresses, no route out), a real Janus bound to and gathering ICE candidates on this
 * side's veth end (Janus never gathers on loopback), and the application listening on that address too, so that
 * Chromium and the test inside the namespace reach both. Everything is deleted and stopped (by PID) afterwards.
 */
public class RoomMedia implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN_SECRET = "room-test-admin-secret-0123456789";
    static String namespace;
    static String hostAddress;
    private String hostInterface;
    private Path state;

    /**
     * Started after (so overriding) the Janus that consult-service's other tests declare for every test: both name
     * media.servers.main, and only this one is reachable from the browsers inside the test namespace. Quarkus starts
     * resources in this order and a later one's configuration wins; with equal orders the winner was a matter of
     * chance.
     */
    @Override
    public int order() {
        return 1000;
    }

    @Override
    public Map<String, String> start() {
        long pid = ProcessHandle.current().pid();
        int subnet = (int) (pid % 200) + 20;
        namespace = "tcwr" + pid;
        hostInterface = namespace + "h";
        hostAddress = "10.232." + subnet + ".1";
        deleteNetwork(); // left over by a killed run of this same PID
        run("ip", "netns", "add", namespace);
        run("ip", "link", "add", hostInterface, "type", "veth", "peer", "name", namespace + "n");
        run("ip", "link", "set", namespace + "n", "netns", namespace);
        run("ip", "addr", "add", hostAddress + "/30", "dev", hostInterface);
        run("ip", "link", "set", hostInterface, "up");
        run("ip", "-n", namespace, "addr", "add", "10.232." + subnet + ".2/30", "dev", namespace + "n");
        run("ip", "-n", namespace, "link", "set", namespace + "n", "up");
        run("ip", "-n", namespace, "link", "set", "lo", "up");
        int http = freePort();
        int ws = freePort();
        int admin = freePort();
        state = root().resolve("consult-service/target/janus-room");
        janus("start", http, ws, admin);
        writeRestartScript(http, ws, admin);
        return Map.of(
                "quarkus.http.host", hostAddress,
                "media.servers.main.api-url", "http://" + hostAddress + ":" + http + "/janus",
                "media.servers.main.admin-url", "http://" + hostAddress + ":" + admin + "/admin",
                "media.servers.main.admin-secret", ADMIN_SECRET,
                "media.servers.main.browser-url", "ws://" + hostAddress + ":" + ws);
    }

    @Override
    public void stop() {
        try {
            janus("stop", 0, 0, 0);
        } finally {
            deleteNetwork();
        }
    }

    /**
     * A command line that restarts Janus (stop, start on the same ports) from inside the namespace: the browser test
     * runs it to check that the room comes back by itself after a media-server restart. It enters this JVM's network
     * namespace, where Janus lives.
     */
    static String restartCommand() {
        return "nsenter -t " + ProcessHandle.current().pid() + " -n sh " + restartScript();
    }

    private static Path restartScript() {
        return root().resolve("consult-service/target/janus-room-restart.sh");
    }

    private void writeRestartScript(int http, int ws, int admin) {
        String script = String.join(
                "\n",
                "#!/bin/sh",
                "set -e",
                "unset JANUS_EVENTS_URL",
                "export JANUS_HTTP_PORT=" + http + " JANUS_WS_PORT=" + ws + " JANUS_ADMIN_PORT=" + admin,
                "export JANUS_ADMIN_SECRET=" + ADMIN_SECRET + " JANUS_BIND=" + hostAddress + " JANUS_ICE_ENFORCE_LIST="
                        + hostInterface,
                "'" + root().resolve("infra/scripts/janus.sh") + "' stop '" + state + "'",
                "'" + root().resolve("infra/scripts/janus.sh") + "' start '" + state + "'",
                "");
        try {
            Files.writeString(restartScript(), script);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command line that runs inside the namespace. */
    static List<String> inside(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    private void janus(String command, int http, int ws, int admin) {
        ConsultJanus.janus(command, state, http, ws, admin, ADMIN_SECRET, hostAddress, hostInterface);
    }

    private void deleteNetwork() {
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

    private static int freePort() {
        return ConsultJanus.freePort();
    }

    static Path root() {
        return ConsultJanus.root();
    }
}
