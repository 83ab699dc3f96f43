package vn.teleconsult.platform.demo;

import java.util.Map;
import java.util.UUID;

/**
 * CDI event fired (synchronously, after commit) once the demo network of hospitals and users exists, in demo mode only;
 * each module observes it to add its own demo data, which must be idempotent (the event comes on every start).
 *
 * @param hospitals hospital ids by code (e.g. {@code HUB-HONGHA})
 * @param users user ids by user name (e.g. {@code specialist})
 */
public record DemoNetworkLoaded(Map<String, UUID> hospitals, Map<String, UUID> users) {
    public DemoNetworkLoaded {
        hospitals = Map.copyOf(hospitals);
        users = Map.copyOf(users);
    }

    public UUID hospital(String code) {
        UUID id = hospitals.get(code);
        if (id == null) {
            throw new IllegalArgumentException("no demo hospital " + code);
        }
        return id;
    }

    public UUID user(String username) {
        UUID id = users.get(username);
        if (id == null) {
            throw new IllegalArgumentException("no demo user " + username);
        }
        return id;
    }
}
