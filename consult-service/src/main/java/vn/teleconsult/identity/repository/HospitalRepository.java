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

    /** Whether the satellite is linked to the hub, in one query (asked on every consult booking). */
    public boolean linked(UUID satelliteId, UUID hubId) {
        return getEntityManager()
                        .createQuery(
                                "select count(*) from Hospital s join s.hubs h where s.id = ?1 and h.id = ?2",
                                Long.class)
                        .setParameter(1, satelliteId)
                        .setParameter(2, hubId)
                        .getSingleResult()
                > 0;
    }
}
