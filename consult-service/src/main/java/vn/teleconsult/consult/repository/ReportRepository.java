package vn.teleconsult.consult.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.ConsultReport;
import vn.teleconsult.consult.domain.ReportAddendum;

/** Reports and their addenda. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<ConsultReport, UUID> {

    public List<ReportAddendum> addenda(UUID consultId) {
        return getEntityManager()
                .createQuery(
                        "from ReportAddendum a where a.consultId = :c order by a.createdAt, a.id", ReportAddendum.class)
                .setParameter("c", consultId)
                .getResultList();
    }

    public void add(ReportAddendum addendum) {
        getEntityManager().persist(addendum);
    }
}
