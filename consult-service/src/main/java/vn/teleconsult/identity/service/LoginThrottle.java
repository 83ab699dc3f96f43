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
 * Slows down password guessing: after too many failures for one user name, or from one address, sign-in pauses for a
 * while. Unknown user names are counted like known ones, so the answer never tells whether a user exists.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginThrottleRepository repository;
    private final LoginSettings settings;

    public LoginThrottle(LoginThrottleRepository repository, LoginSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** How long sign-in stays paused for this user name or address; empty when it is not. */
    @Transactional
    public Optional<Duration> pausedFor(String username, String address) {
        return repository
                .blockedUntil(keys(username, address))
                .map(until -> Duration.between(Instant.now(), until))
                .filter(d -> !d.isNegative());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String username, String address) {
        repository.recordFailure(
                userKey(username), settings.maxFailuresPerUser(), settings.failureWindow(), settings.lockout());
        if (address != null) {
            repository.recordFailure(
                    addressKey(address),
                    settings.maxFailuresPerAddress(),
                    settings.failureWindow(),
                    settings.lockout());
        }
    }

    @Transactional
    public void recordSuccess(String username) {
        repository.clear(userKey(username));
    }

    private static List<String> keys(String username, String address) {
        return address == null ? List.of(userKey(username)) : List.of(userKey(username), addressKey(address));
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
