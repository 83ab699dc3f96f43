package vn.teleconsult.media.janus;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/group/media}: which Janus servers the bridge is connected to; DOWN when none is. A group of its own,
 * so that the application stays ready (sign-in, DICOM, reports) while video is unavailable.
 */
@HealthGroup("media")
@ApplicationScoped
public class JanusHealthCheck implements HealthCheck {

    private final JanusPool pool;

    public JanusHealthCheck(JanusPool pool) {
        this.pool = pool;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("janus");
        boolean any = false;
        for (String server : pool.names()) {
            boolean up = pool.healthy(server);
            response.withData(server, up ? "UP" : "DOWN");
            any |= up;
        }
        return response.status(any).build();
    }
}
