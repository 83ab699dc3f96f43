package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.teleconsult.identity.repository.LoginThrottleRepository;

/**
 * Slows down password guessing without letting anyone lock out a user. Failures are counted per (user name, address)
 * pair, per address and per user name; past a few free failures each further one pauses its key for twice as long as
 * the last (1 s, 2 s, 4 s, ... up to a cap). So an attacker's failures pause the attacker's own address, while the real
 * user signs in from theirs; only a very large number of failures from many addresses slows a user name everywhere, and
 * then only by a short pause. Unknown user names are counted like known ones, so the answer never tells whether a user
 * exists. The counts live in PostgreSQL, shared by every replica.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginThrottleRepository repository;
    private final LoginSettings settings;

    public LoginThrottle(LoginThrottleRepository repository, LoginSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** How long sign-in stays paused for this user name from this address; empty when it is not. */
    @Transactional
    public Optional<Duration> pausedFor(String username, String address) {
        return repository
                .blockedUntil(List.of(pairKey(username, address), addressKey(address), userKey(username)))
                .map(until -> Duration.between(Instant.now(), until))
                .filter(d -> !d.isNegative() && !d.isZero());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String username, String address) {
        repository.recordFailure(
                pairKey(username, address),
                settings.freeFailures(),
                settings.firstDelay(),
                settings.maxDelay(),
                settings.failureWindow());
        repository.recordFailure(
                addressKey(address),
                settings.freeFailuresPerAddress(),
                settings.firstDelay(),
                settings.maxDelay(),
                settings.failureWindow());
        repository.recordFailure(
                userKey(username),
                settings.freeFailuresPerUser(),
                settings.firstDelay(),
                settings.maxDelayPerUser(),
                settings.failureWindow());
    }

    /**
     * Forgets this pair's failures. The user name's count across addresses stays: a sign-in by the real user must not
     * reset what a distributed attacker has spent.
     */
    @Transactional
    public void recordSuccess(String username, String address) {
        repository.clear(pairKey(username, address));
    }

    private static String pairKey(String username, String address) {
        return "pair:" + addressOf(address) + "/" + username.toLowerCase(Locale.ROOT);
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + addressOf(address);
    }

    private static String addressOf(String address) {
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
