package vn.teleconsult.platform.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.teleconsult.platform.notify.NotifiedCopy;
import vn.teleconsult.platform.notify.PgChannels;

/**
 * The list of access tokens revoked before they expire ({@code security.revoked_token}): revoked sign-ins and subjects
 * whose earlier tokens are revoked. Writes join the caller's transaction; each replica answers from an in-memory copy
 * reloaded on every revocation announced on channel {@value #CHANNEL}, and reads the table instead whenever that copy
 * may be out of date, through {@link NotifiedCopy} as {@code HubLinks} does (decision 0017). After each reload it ends the watched uses
 * ({@link TokenWatch}) of tokens that are now revoked. See decision 0019.
 */
@ApplicationScoped
public class RevocationList {

    static final String CHANNEL = "security_revoked_token";

    /** The claim naming a token's sign-in (a refresh-token family, or one client_credentials grant). */
    public static final String SIGN_IN_CLAIM = "sid";

    private static final Duration PRUNE_EVERY = Duration.ofMinutes(5);

    private static final String MATCHES =
            """
            select exists (select 1 from security.revoked_token where keep_until > now()
                and (sign_in = ? or (subject = ? and issued_before > ?)))
            """;

    private final AgroalDataSource dataSource;
    private final TokenWatch watch;
    private final TransactionSynchronizationRegistry transactions;
    private final AuthSettings settings;
    /** How long after a revocation a token it matches can still be accepted: the longest life plus skew, twice. */
    private final Duration keep;

    private final NotifiedCopy<RevokedSet> copy;

    public RevocationList(
            AgroalDataSource dataSource,
            PgChannels channels,
            TokenWatch watch,
            TransactionSynchronizationRegistry transactions,
            AuthSettings settings) {
        this.dataSource = dataSource;
        this.watch = watch;
        this.transactions = transactions;
        this.settings = settings;
        this.keep = Duration.ofMinutes(15)
                .plus(settings.clockSkew().multipliedBy(2))
                .plusMinutes(1);
        this.copy = new NotifiedCopy<>("Revocation list", channels, CHANNEL, this::load, this::endRevokedUses);
        copy.every(PRUNE_EVERY, this::prune);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Starts listening (and so loading); until the first load completes, {@link #revoked} reads the table. */
    void start() {
        copy.start();
    }

    @PreDestroy
    void stop() {
        copy.stop();
    }

    /** Revokes every access token of these sign-ins, in the caller's transaction. */
    public void revokeSignIns(Collection<String> signIns) {
        if (signIns.isEmpty()) {
            return;
        }
        var rows = new ArrayList<RevokedSet.Row>();
        signIns.forEach(s -> rows.add(RevokedSet.Row.signIn(s)));
        insert(rows);
    }

    /**
     * Revokes every access token of the subject ({@code sub}, e.g. a user id or {@code client:<id>}) issued before
     * the given instant, at the resolution of {@code iat} (whole seconds: an instant inside a second revokes the tokens
     * of the seconds before it only), in the caller's transaction.
     */
    public void revokeSubject(String subject, Instant issuedBefore) {
        insert(List.of(RevokedSet.Row.subject(subject, issuedBefore.truncatedTo(ChronoUnit.SECONDS))));
    }

    /** Whether the token is revoked: from memory while the copy is trusted, else from the table. */
    public boolean revoked(JsonWebToken token) {
        String signIn = signInOf(token);
        String subject = subjectOf(token);
        long issuedAt = token.getIssuedAtTime();
        RevokedSet revokedSet = copy.trusted();
        if (revokedSet != null) {
            return revokedSet.revoked(signIn, subject, issuedAt);
        }
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(MATCHES)) {
            query.setString(1, signIn);
            query.setString(2, subject);
            query.setTimestamp(3, Timestamp.from(Instant.ofEpochSecond(issuedAt)));
            try (var rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException e) {
            // refusing every request while the database is unreachable is no worse than what the request would meet
            throw new IllegalStateException("The revocation list could not be read", e);
        }
    }

    /** Whether answers come from memory now. */
    boolean trusted() {
        return copy.trusted() != null;
    }

    /** Deletes rows that can match no live token any more; safe on every replica at once. */
    int prune() {
        try (var connection = dataSource.getConnection();
                var delete =
                        connection.prepareStatement("delete from security.revoked_token where keep_until < now()")) {
            return delete.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Revocation list: pruning failed: %s", e.toString());
            return 0;
        }
    }

    private void insert(Collection<RevokedSet.Row> rows) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("A revocation must be written in the transaction of the change causing it");
        }
        // this replica's own request right after the commit must not pass on a copy loaded before it
        copy.changeBegun();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                copy.changeEnded();
            }
        });
        Timestamp keepUntil = Timestamp.from(Instant.now().plus(keep));
        // inside a JTA transaction Agroal hands out the connection already enlisted in it
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "insert into security.revoked_token (sign_in, subject, issued_before, keep_until)"
                                + " values (?, ?, ?, ?)")) {
            for (RevokedSet.Row row : rows) {
                statement.setString(1, row.signIn());
                statement.setString(2, row.subject());
                statement.setTimestamp(3, row.issuedBefore() == null ? null : Timestamp.from(row.issuedBefore()));
                statement.setTimestamp(4, keepUntil);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The revocation could not be written", e);
        }
    }

    /** After each load, trusted or not: ends the watched uses of the tokens it revokes. */
    private void endRevokedUses(RevokedSet revokedSet) {
        int ended =
                watch.revoke(token -> revokedSet.revoked(signInOf(token), subjectOf(token), token.getIssuedAtTime()));
        if (ended > 0) {
            Log.infof("Revocation list: ended %d use(s) of revoked tokens", ended);
        }
    }

    private RevokedSet load() {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select sign_in, subject, issued_before"
                        + " from security.revoked_token where keep_until > now()");
                var rows = query.executeQuery()) {
            var found = new ArrayList<RevokedSet.Row>();
            while (rows.next()) {
                Timestamp before = rows.getTimestamp(3);
                found.add(new RevokedSet.Row(
                        rows.getString(1), rows.getString(2), before == null ? null : before.toInstant()));
            }
            return RevokedSet.of(found);
        } catch (SQLException e) {
            throw new IllegalStateException("The revocation list could not be read", e);
        }
    }

    private static String signInOf(JsonWebToken token) {
        Object value = token.getClaim(SIGN_IN_CLAIM);
        return value == null ? null : value.toString().replace("\"", "");
    }

    /** The token's user id as {@link CurrentActor} reads it: the configured claim of an external issuer, else sub. */
    private String subjectOf(JsonWebToken token) {
        var external = settings.external();
        if (external.issuer().isPresent()) {
            Object value = token.getClaim(external.userIdClaim());
            return value == null ? null : value.toString().replace("\"", "");
        }
        return token.getSubject();
    }
}
