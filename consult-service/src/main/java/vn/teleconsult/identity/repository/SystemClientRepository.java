package vn.teleconsult.identity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.identity.domain.SystemClient;

@ApplicationScoped
public class SystemClientRepository implements PanacheRepositoryBase<SystemClient, UUID> {

    public Optional<SystemClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResultOptional();
    }
}
