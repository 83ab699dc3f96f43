package vn.teleconsult.media.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/** Waits for a condition with a deadline (Awaitility) instead of sleeping a fixed time. */
public final class Poll {

    private Poll() {}

    public static void until(Duration limit, String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
