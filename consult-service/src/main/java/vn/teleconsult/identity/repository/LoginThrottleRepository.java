package vn.teleconsult.identity.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Counts failed sign-ins per key in PostgreSQL, so every replica sees the same counts. */
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
     * Adds one failure to the key's count (restarting the count when its window has passed) and blocks the key when
     * the count reaches {@code maxFailures}; one atomic statement, safe under concurrent sign-ins.
     */
    public void recordFailure(String key, int maxFailures, Duration window, Duration lockout) {
        em.createNativeQuery(
                        """
                        insert into identity.login_throttle as t (key, failures, window_started, blocked_until)
                        values (:key, 1, now(), case when :max <= 1 then now() + make_interval(secs => :lockout) end)
                        on conflict (key) do update set
                            failures = case when t.window_started < now() - make_interval(secs => :window)
                                            then 1 else t.failures + 1 end,
                            window_started = case when t.window_started < now() - make_interval(secs => :window)
                                                  then now() else t.window_started end,
                            blocked_until = case
                                when (case when t.window_started < now() - make_interval(secs => :window)
                                           then 1 else t.failures + 1 end) >= :max
                                then now() + make_interval(secs => :lockout)
                                else t.blocked_until end
                        """)
                .setParameter("key", key)
                .setParameter("max", maxFailures)
                .setParameter("window", (double) window.toSeconds())
                .setParameter("lockout", (double) lockout.toSeconds())
                .executeUpdate();
    }

    /** Deletes counts whose window has passed and that block nothing; answers how many. */
    public int purgeStale(Duration window) {
        return em.createNativeQuery(
                        """
                        delete from identity.login_throttle
                        where window_started < now() - make_interval(secs => :window)
                          and (blocked_until is null or blocked_until < now())
                        """)
                .setParameter("window", (double) window.toSeconds())
                .executeUpdate();
    }

    public void clear(String key) {
        em.createNativeQuery("delete from identity.login_throttle where key = :key")
                .setParameter("key", key)
                .executeUpdate();
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
