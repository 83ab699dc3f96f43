package vn.teleconsult.media.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Janus started for tests with the project's own configuration (infra/scripts/janus.sh) on ports of its own,
 * stopped (or killed) by its PID only.
 */
public final class JanusProcess {

    public static final String ADMIN_SECRET = "test-admin-secret-0123456789";
    public static final String EVENTS_SECRET = "test-events-secret-0123456789";

    private final Path state;
    private final int httpPort;
    private final int wsPort;
    private final int adminPort;
    private final String eventsUrl;
    private volatile String bind = "127.0.0.1";
    private volatile String iceInterface;

    public JanusProcess(String name, int httpPort, int wsPort, int adminPort, String eventsUrl) {
        this.state = repositoryRoot().resolve("media-bridge/target/janus-" + name);
        this.httpPort = httpPort;
        this.wsPort = wsPort;
        this.adminPort = adminPort;
        this.eventsUrl = eventsUrl;
    }

    /** Binds all Janus ports to the address and gathers ICE candidates only on the interface (a test veth). */
    public JanusProcess on(String address, String iface) {
        this.bind = address;
        this.iceInterface = iface;
        return this;
    }

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/scripts/janus.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "infra/scripts/janus.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public URI apiUri() {
        return URI.create("http://" + bind + ":" + httpPort + "/janus");
    }

    public URI adminUri() {
        return URI.create("http://" + bind + ":" + adminPort + "/admin");
    }

    public int wsPort() {
        return wsPort;
    }

    public URI wsUri() {
        return URI.create("ws://" + bind + ":" + wsPort);
    }

    public void start() {
        script("start");
    }

    public void stop() {
        script("stop");
    }

    public boolean running() {
        return pid() > 0 && ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The PID of the Janus this object started (from its own pid file), or -1. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(state.resolve("janus.pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Kills this Janus with SIGKILL, by PID, and waits until it is gone. */
    public void kill() {
        long pid = pid();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no janus " + pid));
        process.destroyForcibly();
        process.onExit().join();
    }

    private void script(String command) {
        var builder = new ProcessBuilder(
                        repositoryRoot().resolve("infra/scripts/janus.sh").toString(), command, state.toString())
                .redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(builder.environment());
        env.put("JANUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("JANUS_WS_PORT", Integer.toString(wsPort));
        env.put("JANUS_ADMIN_PORT", Integer.toString(adminPort));
        env.put("JANUS_ADMIN_SECRET", ADMIN_SECRET);
        env.put("JANUS_EVENTS_SECRET", EVENTS_SECRET);
        env.remove("JANUS_EVENTS_URL");
        env.put("JANUS_BIND", bind);
        env.remove("JANUS_ICE_ENFORCE_LIST");
        if (iceInterface != null) {
            env.put("JANUS_ICE_ENFORCE_LIST", iceInterface);
        }
        if (eventsUrl != null) {
            env.put("JANUS_EVENTS_URL", eventsUrl);
        }
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(Duration.ofSeconds(40).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    || process.exitValue() != 0) {
                throw new IllegalStateException("janus.sh " + command + " failed at " + Instant.now() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
