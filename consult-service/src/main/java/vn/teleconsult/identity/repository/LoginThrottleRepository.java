package vn.teleconsult.identity.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Counts failed sign-ins per key, and how long each key is paused, in PostgreSQL, so every replica sees the same. */
@ApplicationScoped
public class LoginThrottleRepository {

    private final EntityManager em;

    public LoginThrottleRepository(EntityManager em) {
        this.em = em;
    }

    /** The latest block end among the keys, if any key is blocked now. */
    public Optional<Instant> blockedUntil(List<String> keys) {
        Object result = em.createNativeQuery(
                        "select max(blocked_until) from identity.login_throttle where key in (:keys) and blocked_until > now()")
                .setParameter("keys", keys)
                .getSingleResult();
        return Optional.ofNullable(toInstant(result));
    }

    /**
     * Adds one failure to the key's count, starting the count over when the key has been quiet for {@code window}
     * (no failure, and no pause, for that long). Past {@code freeFailures}, each failure pauses the key for {@code
     * firstDelay} doubled once per further failure, at most {@code maxDelay}. One atomic statement, safe under
     * concurrent sign-ins on any replica.
     */
    public void recordFailure(String key, int freeFailures, Duration firstDelay, Duration maxDelay, Duration window) {
        String quiet = "greatest(t.window_started, coalesce(t.blocked_until, t.window_started))"
                + " < now() - make_interval(secs => :window)";
        String count = "(case when " + quiet + " then 1 else t.failures + 1 end)";
        em.createNativeQuery(
                        """
                        insert into identity.login_throttle as t (key, failures, window_started, blocked_until)
                        values (:key, 1, now(),
                                case when 1 > :free then now() + make_interval(secs => least(:max, :first)) end)
                        on conflict (key) do update set
                            failures = %1$s,
                            window_started = case when %2$s then now() else t.window_started end,
                            blocked_until = case
                                when %1$s > :free then now() + make_interval(secs => least(:max,
                                    :first * power(2, least(%1$s - :free - 1, 40))))
                                else t.blocked_until end
                        """
                                .formatted(count, quiet))
                .setParameter("key", key)
                .setParameter("free", freeFailures)
                .setParameter("first", seconds(firstDelay))
                .setParameter("max", seconds(maxDelay))
                .setParameter("window", seconds(window))
                .executeUpdate();
    }

    /** Deletes counts of keys quiet for longer than the window that pause nothing; answers how many. */
    public int purgeStale(Duration window) {
        return em.createNativeQuery(
                        """
                        delete from identity.login_throttle
                        where greatest(window_started, coalesce(blocked_until, window_started))
                              < now() - make_interval(secs => :window)
                        """)
                .setParameter("window", seconds(window))
                .executeUpdate();
    }

    public void clear(String key) {
        em.createNativeQuery("delete from identity.login_throttle where key = :key")
                .setParameter("key", key)
                .executeUpdate();
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
