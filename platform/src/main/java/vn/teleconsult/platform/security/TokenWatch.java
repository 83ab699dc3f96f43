package vn.teleconsult.platform.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Ends long-lived uses of an access token, such as a WebSocket verified once when it opened, when the token expires or
 * its sign-in is revoked, so that a socket never outlives the token that let it in.
 */
@ApplicationScoped
public class TokenWatch {

    /** What a watch tells its owner when it ends the use. */
    public enum End {
        EXPIRED,
        REVOKED
    }

    /** Callback for the end of a watched use; called at most once, never while the watch is being registered. */
    @FunctionalInterface
    public interface OnEnd {
        void ended(End why);
    }

    /** A running watch; {@link #close()} stops it without calling its callback (the socket closed first). */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "token-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Registration> running = ConcurrentHashMap.newKeySet();

    public TokenWatch() {
        this(Clock.systemUTC());
    }

    TokenWatch(Clock clock) {
        this.clock = clock;
    }

    /**
     * Calls {@code onEnd} once when the token's {@code exp} passes or when its sign-in is revoked; the returned watch
     * must be closed when the use ends first.
     */
    public Watch watch(JsonWebToken token, OnEnd onEnd) {
        var registration = new Registration(token, onEnd);
        running.add(registration);
        long delayMillis = Math.max(0, token.getExpirationTime() * 1000 - clock.millis());
        registration.expiry = timer.schedule(() -> registration.end(End.EXPIRED), delayMillis, TimeUnit.MILLISECONDS);
        return registration;
    }

    /**
     * Ends, as revoked, every running watch whose token {@code revoked} matches; for the revocation list, which calls
     * it on every replica when a sign-in, a user or a client is revoked. Answers how many were ended.
     */
    public int revoke(Predicate<JsonWebToken> revoked) {
        int ended = 0;
        for (Registration registration : running) {
            if (revoked.test(registration.token) && registration.end(End.REVOKED)) {
                ended++;
            }
        }
        return ended;
    }

    /** How many uses are watched now. */
    public int size() {
        return running.size();
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    private final class Registration implements Watch {
        private final JsonWebToken token;
        private final OnEnd onEnd;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile ScheduledFuture<?> expiry;

        Registration(JsonWebToken token, OnEnd onEnd) {
            this.token = token;
            this.onEnd = onEnd;
        }

        boolean end(End why) {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            release();
            try {
                onEnd.ended(why);
            } catch (RuntimeException e) {
                Log.warnf(e, "Ending a watched use of a token of %s failed", token.getSubject());
            }
            return true;
        }

        @Override
        public void close() {
            if (done.compareAndSet(false, true)) {
                release();
            }
        }

        private void release() {
            running.remove(this);
            var scheduled = expiry;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
