package vn.teleconsult.imaging.testing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Role;

/** Mints real access tokens for test callers. */
@ApplicationScoped
public class Tokens {

    private final AccessTokens tokens;

    public Tokens(AccessTokens tokens) {
        this.tokens = tokens;
    }

    public String user(UUID userId, Role role, UUID hospitalId) {
        return tokens.issue(userId.toString(), "user-" + userId, Set.of(role), hospitalId)
                .token();
    }

    public String doctorOf(UUID hospitalId) {
        return user(UUID.randomUUID(), Role.SATELLITE_DOCTOR, hospitalId);
    }
}
