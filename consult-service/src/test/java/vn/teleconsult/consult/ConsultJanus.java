package vn.teleconsult.consult;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Janus for consult-service's @QuarkusTest classes, started with the project's own script
 * (infra/scripts/janus.sh, as media-bridge's tests do) on 127.0.0.1 and stopped by that script (by its PID), on
 * ports free at start (the machine is shared with other checkouts' tests). The consult tests open
 * rooms and ask for join grants through Janus's HTTP and admin APIs; they send no media, so no test network namespace
 * is needed.
 */
public class ConsultJanus implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN_SECRET = "consult-test-admin-secret-0123456789";
    private final int http = freePort();
    private final int ws = freePort();
    private final int admin = freePort();
    private Path state;

    @Override
    public Map<String, String> start() {
        state = root().resolve("consult-service/target/janus-consult");
        script("start");
        var config = new HashMap<String, String>();
        config.put("media.servers.main.api-url", "http://127.0.0.1:" + http + "/janus");
        config.put("media.servers.main.admin-url", "http://127.0.0.1:" + admin + "/admin");
        config.put("media.servers.main.admin-secret", ADMIN_SECRET);
        config.put("media.servers.main.browser-url", "ws://127.0.0.1:" + ws);
        return config;
    }

    @Override
    public void stop() {
        script("stop");
    }

    private void script(String command) {
        janus(command, state, http, ws, admin, ADMIN_SECRET, "127.0.0.1", null);
    }

    /**
     * Runs {@code infra/scripts/janus.sh start|stop} for the Janus whose state is in {@code state}: bound to
     * {@code bind}, gathering ICE candidates on {@code iceInterface} only (null: Janus's default), events off.
     */
    public static void janus(
            String command, Path state, int http, int ws, int admin, String secret, String bind, String iceInterface) {
        var builder = new ProcessBuilder(
                        root().resolve("infra/scripts/janus.sh").toString(), command, state.toString())
                .redirectErrorStream(true);
        var env = builder.environment();
        env.put("JANUS_HTTP_PORT", Integer.toString(http));
        env.put("JANUS_WS_PORT", Integer.toString(ws));
        env.put("JANUS_ADMIN_PORT", Integer.toString(admin));
        env.put("JANUS_ADMIN_SECRET", secret);
        env.put("JANUS_BIND", bind);
        env.remove("JANUS_EVENTS_URL");
        if (iceInterface == null) {
            env.remove("JANUS_ICE_ENFORCE_LIST");
        } else {
            env.put("JANUS_ICE_ENFORCE_LIST", iceInterface);
        }
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(40, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("janus.sh " + command + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port free on 127.0.0.1 now. */
    public static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository's root: the folder holding infra/scripts/janus.sh. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/scripts/janus.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("infra/scripts/janus.sh not found");
        }
        return dir;
    }
}
