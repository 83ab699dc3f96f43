package vn.teleconsult.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tokens a revocation list matches: a listed sign-in, or a subject's tokens issued in earlier seconds. */
class RevokedSetTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:05Z");

    @Test
    void shouldMatchEveryTokenOfARevokedSignInAndNoOther() {
        var set = RevokedSet.of(List.of(RevokedSet.Row.signIn("family-1")));
        assertTrue(set.revoked("family-1", "user-1", AT.getEpochSecond()));
        assertTrue(set.revoked("family-1", "user-1", AT.plusSeconds(600).getEpochSecond()));
        assertFalse(set.revoked("family-2", "user-1", AT.getEpochSecond()));
        assertFalse(set.revoked(null, "user-1", AT.getEpochSecond()));
    }

    @Test
    void shouldMatchASubjectsTokensIssuedInTheSecondsBeforeTheInstantOnly() {
        var set = RevokedSet.of(List.of(RevokedSet.Row.subject("user-1", AT)));
        assertTrue(set.revoked("any", "user-1", AT.getEpochSecond() - 1));
        assertTrue(set.revoked(null, "user-1", AT.minusSeconds(900).getEpochSecond()));
        // a token of the revocation's own second or later is a new sign-in's
        assertFalse(set.revoked("any", "user-1", AT.getEpochSecond()));
        assertFalse(set.revoked("any", "user-2", AT.getEpochSecond() - 1));
        assertFalse(set.revoked("any", null, AT.getEpochSecond() - 1));
    }

    @Test
    void shouldKeepTheLatestInstantOfASubject() {
        var set = RevokedSet.of(List.of(
                RevokedSet.Row.subject("client:pacs", AT.plusSeconds(60)),
                RevokedSet.Row.subject("client:pacs", AT),
                RevokedSet.Row.signIn("family-1")));
        assertTrue(set.revoked("x", "client:pacs", AT.plusSeconds(59).getEpochSecond()));
        assertFalse(set.revoked("x", "client:pacs", AT.plusSeconds(60).getEpochSecond()));
        assertEquals(2, set.size());
        assertFalse(RevokedSet.EMPTY.revoked("family-1", "client:pacs", 0));
    }
}
