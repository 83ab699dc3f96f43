package vn.teleconsult.media.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.media.janus.JanusPool;

/**
 * Every second (media.check-interval): keeps the bridge's Janus sessions alive, notices lost servers and re-creates
 * their rooms, retires expired grants and closes rooms left empty past the grace period.
 */
@ApplicationScoped
public class MediaMaintenance {

    private final JanusPool pool;
    private final RecoveryService recovery;
    private final RoomService roomService;

    public MediaMaintenance(JanusPool pool, RecoveryService recovery, RoomService roomService) {
        this.pool = pool;
        this.recovery = recovery;
        this.roomService = roomService;
    }

    @Scheduled(
            every = "${media.check-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        Set<String> lost = pool.check();
        if (!lost.isEmpty()) {
            recovery.serversLost(lost);
        }
        for (UUID room : recovery.recovering()) {
            if (!recovery.recreate(room)) {
                break; // no server up yet
            }
        }
        try {
            recovery.expireGrants();
            for (UUID room : recovery.emptyRooms()) {
                roomService.close(room);
            }
        } catch (RuntimeException e) {
            Log.warnf("Media maintenance: %s", e.getMessage());
        }
    }
}
