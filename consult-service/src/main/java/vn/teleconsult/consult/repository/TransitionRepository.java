package vn.teleconsult.consult.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.ConsultTransition;

/** The recorded history of consults' states. */
@ApplicationScoped
public class TransitionRepository implements PanacheRepositoryBase<ConsultTransition, Long> {

    public List<ConsultTransition> of(UUID consultId) {
        return list("consultId = ?1 order by id", consultId);
    }
}
