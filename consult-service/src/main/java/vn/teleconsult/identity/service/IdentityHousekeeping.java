package vn.teleconsult.identity.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import vn.teleconsult.identity.repository.LoginThrottleRepository;
import vn.teleconsult.identity.repository.RefreshTokenRepository;

/**
 * Keeps identity's bookkeeping tables small: sign-in counts whose window has passed, and refresh tokens expired for
 * a day (kept that long so a late reuse is still recognised). Safe to run on every replica at once.
 */
@ApplicationScoped
public class IdentityHousekeeping {

    private static final Duration KEEP_EXPIRED_TOKENS = Duration.ofDays(1);

    private final LoginThrottleRepository throttle;
    private final RefreshTokenRepository refreshTokens;
    private final LoginSettings settings;

    public IdentityHousekeeping(
            LoginThrottleRepository throttle, RefreshTokenRepository refreshTokens, LoginSettings settings) {
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.settings = settings;
    }

    @Scheduled(
            every = "1h",
            delay = 5,
            delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge();
    }

    /** Answers how many rows were removed. */
    @Transactional
    public long purge() {
        long removed = throttle.purgeStale(settings.failureWindow())
                + refreshTokens.deleteExpiredBefore(Instant.now().minus(KEEP_EXPIRED_TOKENS));
        if (removed > 0) {
            Log.infof("Identity housekeeping removed %d stale rows", removed);
        }
        return removed;
    }
}
