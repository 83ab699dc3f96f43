package vn.teleconsult.identity.service;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Hashes and checks passwords and client secrets with Argon2id (OWASP parameters: 19 MiB, 2 passes). */
@ApplicationScoped
public class PasswordHasher {

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    /** Checked against when the user does not exist, so that both cases take the same time. */
    private final String decoy = hash(UUID.randomUUID().toString());

    /** Hashes the password's NFKC form ({@link PasswordPolicy#normalize}). */
    public String hash(String password) {
        return Password.hash(PasswordPolicy.normalize(password))
                .addRandomSalt(16)
                .with(ARGON2)
                .getResult();
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            String normalized = PasswordPolicy.normalize(password);
            // hashes made before passwords were normalised were made of the text as typed
            return Password.check(normalized, hash).with(ARGON2)
                    || (!normalized.equals(password)
                            && Password.check(password, hash).with(ARGON2));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /** Spends the time of one check without a real hash. */
    public void burnCheck(String password) {
        matches(password == null ? "" : password, decoy);
    }
}
