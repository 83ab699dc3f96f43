package vn.teleconsult.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.teleconsult.identity.service.LoginThrottle;

@QuarkusTest
class LoginThrottleTest {

    @Inject
    LoginThrottle throttle;

    @Test
    void shouldOnlySlowAUserNameGuessedFromManyAddressesNeverLockIt() {
        String username = Fixtures.unique("clinician");
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure(username, Fixtures.someAddress());
        }
        assertEquals(Optional.empty(), throttle.pausedFor(username, Fixtures.someAddress()), "100 are free");

        throttle.recordFailure(username, Fixtures.someAddress());
        var first = throttle.pausedFor(username, Fixtures.someAddress()).orElseThrow();
        assertTrue(first.compareTo(Duration.ofSeconds(1)) <= 0, first.toString());

        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(username, Fixtures.someAddress());
        }
        var capped = throttle.pausedFor(username, Fixtures.someAddress()).orElseThrow();
        assertTrue(capped.compareTo(Duration.ofSeconds(30)) > 0, capped.toString());
        assertTrue(capped.compareTo(Duration.ofMinutes(1)) <= 0, "never longer than a minute: " + capped);
    }

    @Test
    void shouldDoubleThePauseOfAPairAndForgetItOnSuccess() {
        String username = Fixtures.unique("clinician");
        String address = Fixtures.someAddress();
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure(username, address);
        }
        assertEquals(Optional.empty(), throttle.pausedFor(username, address), "three are free");
        long[] expected = {1, 2, 4, 8, 16, 32};
        for (long seconds : expected) {
            throttle.recordFailure(username, address);
            var pause = throttle.pausedFor(username, address).orElseThrow();
            assertTrue(pause.compareTo(Duration.ofSeconds(seconds)) <= 0, pause.toString());
            assertTrue(pause.compareTo(Duration.ofSeconds(seconds).minusMillis(900)) > 0, pause.toString());
        }
        assertEquals(Optional.empty(), throttle.pausedFor(username, Fixtures.someAddress()), "other addresses pass");
        assertEquals(Optional.empty(), throttle.pausedFor(Fixtures.unique("other"), address), "other names pass");

        throttle.recordSuccess(username, address);

        assertEquals(Optional.empty(), throttle.pausedFor(username, address));
    }
}
