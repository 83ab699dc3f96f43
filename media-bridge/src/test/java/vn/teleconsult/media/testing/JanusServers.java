package vn.teleconsult.media.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Two real Janus servers ("main" and "second") for @QuarkusTest classes, posting their events to the test's platform
 * port; started once per test run and stopped by PID. They bind to the host side of a test network namespace and
 * gather ICE candidates only there, so that Chromium inside the namespace can exchange media with them.
 */
public class JanusServers implements QuarkusTestResourceLifecycleManager {

    /** The platform's HTTP port in these tests: TELECONSULT_MEDIA_TEST_PORT, so that parallel runs do not collide. */
    public static final int APP_PORT =
            Integer.parseInt(System.getenv().getOrDefault("TELECONSULT_MEDIA_TEST_PORT", "18680"));

    /** Added to every Janus port of the tests, so that two checkouts' Janus servers do not collide either. */
    public static final int PORT_OFFSET = APP_PORT - 18680;

    public static final String EVENTS_URL = "http://127.0.0.1:" + APP_PORT + "/api/media/janus-events";
    public static final JanusProcess MAIN =
            new JanusProcess("main", 18788 + PORT_OFFSET, 18789 + PORT_OFFSET, 17788 + PORT_OFFSET, EVENTS_URL);
    public static final JanusProcess SECOND =
            new JanusProcess("second", 18798 + PORT_OFFSET, 18799 + PORT_OFFSET, 17798 + PORT_OFFSET, EVENTS_URL);

    public static TestNetwork network;

    @Override
    public Map<String, String> start() {
        network = TestNetwork.create();
        MAIN.on(network.hostAddress(), network.hostInterface());
        SECOND.on(network.hostAddress(), network.hostInterface());
        MAIN.start();
        SECOND.start();
        Map<String, String> config = new HashMap<>();
        put(config, "main", MAIN);
        put(config, "second", SECOND);
        return config;
    }

    private static void put(Map<String, String> config, String name, JanusProcess janus) {
        config.put("media.servers." + name + ".api-url", janus.apiUri().toString());
        config.put("media.servers." + name + ".admin-url", janus.adminUri().toString());
        config.put("media.servers." + name + ".admin-secret", JanusProcess.ADMIN_SECRET);
        config.put("media.servers." + name + ".browser-url", janus.wsUri().toString());
    }

    @Override
    public void stop() {
        try {
            MAIN.stop();
            SECOND.stop();
        } finally {
            network.delete();
        }
    }
}
