package vn.teleconsult.media.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.media.domain.RecordedFile;
import vn.teleconsult.media.domain.Recording;

/** Recordings and their converted files. */
@ApplicationScoped
public class RecordingRepository implements PanacheRepositoryBase<Recording, UUID> {

    /**
     * Recordings waiting to be converted, or whose conversion started before {@code staleBefore} (a replica died
     * converting), locked and skipped by other replicas until the transaction ends.
     */
    public List<Recording> toConvert(Instant staleBefore, int limit) {
        return find(
                        "state = ?1 and (conversionStartedAt is null or conversionStartedAt < ?2)",
                        Recording.State.CONVERTING,
                        staleBefore)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, limit)
                .list();
    }

    public List<RecordedFile> files(UUID roomId) {
        return getEntityManager()
                .createQuery("from RecordedFile where roomId = ?1 order by fileName", RecordedFile.class)
                .setParameter(1, roomId)
                .getResultList();
    }

    public RecordedFile file(UUID id) {
        return getEntityManager().find(RecordedFile.class, id);
    }

    public void persistFile(RecordedFile file) {
        getEntityManager().persist(file);
    }
}
