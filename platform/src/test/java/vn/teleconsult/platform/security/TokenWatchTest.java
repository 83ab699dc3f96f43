package vn.teleconsult.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A watched token ends its use once: at expiry or at revocation, never after its owner closed the watch. */
class TokenWatchTest {

    private final TokenWatch watch = new TokenWatch();
    private final List<TokenWatch.End> ends = new CopyOnWriteArrayList<>();

    @Test
    void shouldEndTheUseWhenTheTokenExpires() {
        watch.watch(token("a", Instant.now().getEpochSecond()), ends::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ends.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(TokenWatch.End.EXPIRED), ends);
        assertEquals(0, watch.size());
    }

    @Test
    void shouldEndOnlyTheRevokedUsesAndEachOnce() {
        long later = Instant.now().plusSeconds(600).getEpochSecond();
        watch.watch(token("a", later), ends::add);
        watch.watch(token("b", later), ends::add);
        assertEquals(1, watch.revoke(t -> t.getSubject().equals("a")));
        assertEquals(0, watch.revoke(t -> t.getSubject().equals("a")));
        assertEquals(List.of(TokenWatch.End.REVOKED), ends);
        assertEquals(1, watch.size());
    }

    @Test
    void shouldNotCallBackAfterTheOwnerClosedTheWatch() {
        var running = watch.watch(token("a", Instant.now().plusSeconds(600).getEpochSecond()), ends::add);
        running.close();
        assertEquals(0, watch.revoke(t -> true));
        assertTrue(ends.isEmpty());
    }

    private static JsonWebToken token(String subject, long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("sub", "exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return switch (claimName) {
                    case "sub" -> (T) subject;
                    case "exp" -> (T) Long.valueOf(exp);
                    default -> null;
                };
            }
        };
    }
}
