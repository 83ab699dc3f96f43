package vn.teleconsult.consult.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.ConsultMessage;

/** A consult's thread, oldest first. */
@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<ConsultMessage, UUID> {

    public List<ConsultMessage> of(UUID consultId) {
        return list("consultId = ?1 order by createdAt, id", consultId);
    }
}
