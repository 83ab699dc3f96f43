package vn.teleconsult.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The revocation list as one replica sees it: its own revocations at once, another replica's (a row committed straight
 * into the table) within seconds through NOTIFY, with watched sockets of the revoked token ended; rolled-back
 * revocations never.
 */
@QuarkusTest
class RevocationListTest {

    @Inject
    RevocationList revocations;

    @Inject
    AccessTokens accessTokens;

    @Inject
    JWTParser parser;

    @Inject
    TokenWatch watch;

    @Inject
    AgroalDataSource dataSource;

    private String token(String signIn) {
        return accessTokens
                .issue(UUID.randomUUID().toString(), "bs.lan", Set.of(Role.HUB_SPECIALIST), null, signIn)
                .token();
    }

    @Test
    void shouldRefuseATokenOfAnotherReplicasRevocationWithinSecondsAndEndItsWatchedUses() throws Exception {
        String signIn = UUID.randomUUID().toString();
        String token = token(signIn);
        JsonWebToken verified = parser.parse(token);
        var ends = new CopyOnWriteArrayList<TokenWatch.End>();
        var use = watch.watch(verified, ends::add);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(revocations::trusted);

        long started = System.nanoTime();
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("insert into security.revoked_token (sign_in, keep_until)"
                        + " values (?, now() + interval '20 minutes')")) {
            insert.setString(1, signIn);
            insert.executeUpdate();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !ends.isEmpty());
        System.out.printf("revocation by another replica seen in %.1f ms%n", (System.nanoTime() - started) / 1e6);
        assertEquals(List.of(TokenWatch.End.REVOKED), ends);
        assertThrows(ParseException.class, () -> parser.parse(token));
        use.close();
    }

    @Test
    void shouldRefuseATokenRevokedHereAsSoonAsTheTransactionCommits() throws Exception {
        String signIn = UUID.randomUUID().toString();
        String token = token(signIn);
        parser.parse(token);

        QuarkusTransaction.requiringNew().run(() -> revocations.revokeSignIns(List.of(signIn)));

        assertThrows(ParseException.class, () -> parser.parse(token));
        parser.parse(token(UUID.randomUUID().toString()));
    }

    @Test
    void shouldRefuseASubjectsEarlierTokensOnly() throws Exception {
        String subject = "client:" + UUID.randomUUID();
        Instant now = Instant.now();
        String earlier = accessTokens
                .issue(subject, "pacs", Set.of(Role.SYSTEM), null, now.minusSeconds(5), Duration.ofMinutes(5))
                .token();
        String later = accessTokens
                .issue(subject, "pacs", Set.of(Role.SYSTEM), null, now, Duration.ofMinutes(5))
                .token();

        QuarkusTransaction.requiringNew().run(() -> revocations.revokeSubject(subject, now));

        assertThrows(ParseException.class, () -> parser.parse(earlier));
        assertEquals(subject, parser.parse(later).getSubject());
    }

    @Test
    void shouldNeverRefuseATokenOfARolledBackRevocation() throws Exception {
        String signIn = UUID.randomUUID().toString();
        String token = token(signIn);

        assertThrows(
                RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                    revocations.revokeSignIns(List.of(signIn));
                    QuarkusTransaction.setRollbackOnly();
                }));

        parser.parse(token);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(revocations::trusted);
        parser.parse(token);
    }

    @Test
    void shouldRefuseToWriteOutsideATransactionAndPruneOnlyDeadRows() throws SQLException {
        assertThrows(IllegalStateException.class, () -> revocations.revokeSignIns(List.of("outside")));
        String dead = UUID.randomUUID().toString();
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("insert into security.revoked_token (sign_in, keep_until)"
                        + " values (?, now() - interval '1 second')")) {
            insert.setString(1, dead);
            insert.executeUpdate();
        }
        assertTrue(revocations.prune() >= 1);
        try (var connection = dataSource.getConnection();
                var query =
                        connection.prepareStatement("select count(*) from security.revoked_token where sign_in = ?")) {
            query.setString(1, dead);
            try (var rows = query.executeQuery()) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
        }
        assertFalse(revocations.revoked(new Claims(dead)));
    }

    /** Only what the list reads. */
    private record Claims(String sid) implements JsonWebToken {
        @Override
        public String getName() {
            return "x";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sid", "sub", "iat");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T)
                    (switch (name) {
                        case "sid" -> (Object) sid;
                        case "sub" -> "nobody";
                        case "iat" -> Instant.now().getEpochSecond();
                        default -> null;
                    });
        }
    }
}
