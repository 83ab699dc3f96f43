package vn.teleconsult.consult.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.consult.domain.ConsultDocument;
import vn.teleconsult.consult.domain.DocumentInfo;

/** Documents of consults; listing never loads their content. */
@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<ConsultDocument, UUID> {

    public List<DocumentInfo> of(UUID consultId) {
        return getEntityManager()
                .createQuery(
                        "select new vn.teleconsult.consult.domain.DocumentInfo(d.id, d.messageId,"
                                + " d.fileName, d.mediaType, d.sizeBytes, d.sha256, d.uploadedBy, d.uploadedAt)"
                                + " from ConsultDocument d where d.consultId = :c order by d.uploadedAt, d.id",
                        DocumentInfo.class)
                .setParameter("c", consultId)
                .getResultList();
    }

    public Optional<ConsultDocument> of(UUID consultId, UUID documentId) {
        return find("consultId = ?1 and id = ?2", consultId, documentId).firstResultOptional();
    }
}
