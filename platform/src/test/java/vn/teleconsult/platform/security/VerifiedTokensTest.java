package vn.teleconsult.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A verified token is reused only while SmallRye JWT itself would still accept it, and failures are never reused. */
class VerifiedTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    /** Verification as SmallRye JWT does it, counted: tokens "t..." expire at their number of seconds from NOW. */
    private final Map<String, Integer> verifications = new HashMap<>();

    private final DefaultJWTParser checker = new DefaultJWTParser() {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.merge(token, 1, Integer::sum);
            if (!token.startsWith("t")) {
                throw new ParseException("bad signature");
            }
            long exp = NOW.getEpochSecond() + Long.parseLong(token.substring(1).split("\\.")[0]);
            if (clock.instant().getEpochSecond() >= exp + SKEW.toSeconds()) {
                throw new ParseException("expired");
            }
            return new Claims(token, exp);
        }
    };

    @Test
    void shouldVerifyATokenOnceAndAnswerTheSameClaimsUntilItExpires() throws Exception {
        var tokens = new VerifiedTokens(checker, SKEW, 100, clock);
        JsonWebToken first = tokens.parse("t300.sig");
        clock.advance(Duration.ofSeconds(300 + 29));
        assertSame(first, tokens.parse("t300.sig"));
        assertEquals(1, verifications.get("t300.sig"));
    }

    @Test
    void shouldRefuseARememberedTokenFromItsExpiryPlusTheClockSkewOn() throws Exception {
        var tokens = new VerifiedTokens(checker, SKEW, 100, clock);
        tokens.parse("t60.sig");
        clock.advance(Duration.ofSeconds(60 + 30));
        assertThrows(ParseException.class, () -> tokens.parse("t60.sig"));
        assertThrows(ParseException.class, () -> tokens.parse("t60.sig"));
        assertEquals(3, verifications.get("t60.sig"));
        assertEquals(0, tokens.size());
    }

    @Test
    void shouldNeverRememberAFailure() {
        var tokens = new VerifiedTokens(checker, SKEW, 100, clock);
        assertThrows(ParseException.class, () -> tokens.parse("forged.sig"));
        assertThrows(ParseException.class, () -> tokens.parse("forged.sig"));
        assertEquals(2, verifications.get("forged.sig"));
        assertEquals(0, tokens.size());
    }

    @Test
    void shouldTellTokensApartByTheirWholeText() throws Exception {
        var tokens = new VerifiedTokens(checker, SKEW, 100, clock);
        tokens.parse("t300.sig");
        // the same claims with another signature (or the same signature with other claims) is another token
        assertThrows(ParseException.class, () -> tokens.parse("x300.sig"));
        tokens.parse("t300.other");
        assertEquals(1, verifications.get("t300.sig"));
        assertEquals(1, verifications.get("x300.sig"));
        assertEquals(1, verifications.get("t300.other"));
    }

    @Test
    void shouldStayWithinItsCapacityAndMakeRoomFromExpiredTokens() throws Exception {
        var tokens = new VerifiedTokens(checker, SKEW, 2, clock);
        tokens.parse("t10.a");
        tokens.parse("t300.b");
        tokens.parse("t300.c"); // full: verified, not remembered
        tokens.parse("t300.c");
        assertEquals(2, verifications.get("t300.c"));
        assertEquals(2, tokens.size());
        clock.advance(Duration.ofSeconds(10 + 30));
        tokens.parse("t300.c"); // t10.a has expired: its place is taken
        tokens.parse("t300.c");
        assertEquals(3, verifications.get("t300.c"));
        assertTrue(tokens.size() <= 2);
    }

    @Test
    void shouldVerifyEveryRequestWhenTheCacheIsOff() throws Exception {
        var tokens = new VerifiedTokens(checker, SKEW, 0, clock);
        tokens.parse("t300.sig");
        tokens.parse("t300.sig");
        assertEquals(2, verifications.get("t300.sig"));
    }

    @Test
    void shouldRefuseARevokedTokenOnEveryParseCacheHitOrNot() throws Exception {
        var revoked = new java.util.HashSet<String>();
        var tokens = new VerifiedTokens(checker, SKEW, 100, clock, token -> revoked.contains(token.getRawToken()));
        tokens.parse("t300.sig");
        tokens.parse("t300.sig");
        assertEquals(1, verifications.get("t300.sig"));

        revoked.add("t300.sig");
        assertThrows(ParseException.class, () -> tokens.parse("t300.sig")); // a cache hit
        revoked.add("t300.new");
        assertThrows(ParseException.class, () -> tokens.parse("t300.new")); // verified now
        assertEquals(1, verifications.get("t300.sig"));
        tokens.parse("t300.other");
    }

    /** Claims of a checked token: only what the cache reads. */
    private record Claims(String raw, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "someone";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp", "raw_token");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T)
                    (switch (name) {
                        case "exp" -> (Object) exp;
                        case "raw_token" -> raw;
                        default -> null;
                    });
        }
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
