package vn.teleconsult.platform.security;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An immutable copy of the revocation list: revoked sign-ins, and per subject the second before which its tokens are
 * revoked. Pure logic: no database, no clock.
 */
public final class RevokedSet {

    /** One row of the list: a sign-in id, or a subject with the instant its earlier tokens are revoked. */
    public record Row(String signIn, String subject, Instant issuedBefore) {
        public static Row signIn(String signIn) {
            return new Row(signIn, null, null);
        }

        public static Row subject(String subject, Instant issuedBefore) {
            return new Row(null, subject, issuedBefore);
        }
    }

    public static final RevokedSet EMPTY = new RevokedSet(Set.of(), Map.of());

    private final Set<String> signIns;
    /** Per subject, the epoch second before which (exclusive) its tokens are revoked. */
    private final Map<String, Long> subjects;

    private RevokedSet(Set<String> signIns, Map<String, Long> subjects) {
        this.signIns = signIns;
        this.subjects = subjects;
    }

    public static RevokedSet of(Collection<Row> rows) {
        var signIns = new HashSet<String>();
        var subjects = new HashMap<String, Long>();
        for (Row row : rows) {
            if (row.signIn() != null) {
                signIns.add(row.signIn());
            } else {
                subjects.merge(row.subject(), row.issuedBefore().getEpochSecond(), Math::max);
            }
        }
        return new RevokedSet(Set.copyOf(signIns), Map.copyOf(subjects));
    }

    /**
     * Whether a token with this sign-in id, subject and {@code iat} (epoch seconds) is revoked: its sign-in is listed,
     * or its subject is listed with an instant after the token's issue second.
     */
    public boolean revoked(String signIn, String subject, long issuedAt) {
        if (signIn != null && signIns.contains(signIn)) {
            return true;
        }
        Long before = subject == null ? null : subjects.get(subject);
        return before != null && issuedAt < before;
    }

    public int size() {
        return signIns.size() + subjects.size();
    }
}
