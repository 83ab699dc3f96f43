package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.identity.repository.SystemClientRepository;

/** Authenticates system clients (client_credentials grant). */
@ApplicationScoped
public class SystemClients {

    /** An authenticated client. */
    public record Authenticated(String clientId, UUID hospitalId) {}

    private final SystemClientRepository repository;
    private final PasswordHasher hasher;

    public SystemClients(SystemClientRepository repository, PasswordHasher hasher) {
        this.repository = repository;
        this.hasher = hasher;
    }

    @Transactional
    public Optional<Authenticated> authenticate(String clientId, String secret) {
        var client = repository.findByClientId(clientId);
        if (client.isEmpty()) {
            hasher.burnCheck(secret);
            return Optional.empty();
        }
        var c = client.get();
        if (!c.enabled || !hasher.matches(secret, c.secretHash)) {
            return Optional.empty();
        }
        return Optional.of(new Authenticated(c.clientId, c.hospital == null ? null : c.hospital.id));
    }
}
