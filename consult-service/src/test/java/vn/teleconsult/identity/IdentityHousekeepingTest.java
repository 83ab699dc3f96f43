package vn.teleconsult.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.identity.service.IdentityHousekeeping;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
class IdentityHousekeepingTest {

    @Inject
    IdentityHousekeeping housekeeping;

    @Inject
    EntityManager em;

    @Inject
    Fixtures fixtures;

    private long count(String sql, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery(sql).setParameter("key", key).getSingleResult())
                .longValue());
    }

    private void exec(String sql, String key) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(sql).setParameter("key", key).executeUpdate());
    }

    @Test
    void shouldPurgeOldCountsAndLongExpiredTokensButKeepLiveOnes() {
        String stale = "user:stale-" + UUID.randomUUID();
        String blocked = "user:blocked-" + UUID.randomUUID();
        String fresh = "user:fresh-" + UUID.randomUUID();
        exec("insert into identity.login_throttle values (:key, 3, now() - interval '2 hours', null)", stale);
        exec(
                "insert into identity.login_throttle values (:key, 5, now() - interval '2 hours',"
                        + " now() + interval '5 minutes')",
                blocked);
        exec("insert into identity.login_throttle values (:key, 1, now(), null)", fresh);
        var user = fixtures.userId(fixtures.user(Role.COORDINATOR, fixtures.hospital(HospitalKind.HUB)));
        String oldToken = UUID.randomUUID().toString();
        exec(
                "insert into identity.refresh_token (id, token_hash, family_id, user_id, issued_at, expires_at)"
                        + " values (cast(:key as uuid), decode(md5(:key), 'hex'), gen_random_uuid(), '" + user
                        + "', now() - interval '3 days', now() - interval '2 days')",
                oldToken);

        housekeeping.purge();

        String throttleSql = "select count(*) from identity.login_throttle where key = :key";
        assertEquals(0, count(throttleSql, stale));
        assertEquals(1, count(throttleSql, blocked));
        assertEquals(1, count(throttleSql, fresh));
        assertEquals(0, count("select count(*) from identity.refresh_token where id = cast(:key as uuid)", oldToken));
    }
}
