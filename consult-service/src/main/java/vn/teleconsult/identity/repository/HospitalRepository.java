package vn.teleconsult.identity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.identity.domain.Hospital;

@ApplicationScoped
public class HospitalRepository implements PanacheRepositoryBase<Hospital, UUID> {

    public Optional<Hospital> findByCode(String code) {
        return find("lower(code) = lower(?1)", code).firstResultOptional();
    }
}
