package vn.teleconsult.imaging.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.imaging.dicom.Deidentifier;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.repository.StudyIndex;
import vn.teleconsult.imaging.repository.StudyIndex.InstanceRow;
import vn.teleconsult.imaging.storage.InstanceStorage;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/**
 * Expiring, revocable, read-only links to one study for a named outside reader. The link always shows a de-identified
 * copy; only a hash of its token is stored; every use is audited.
 */
@ApplicationScoped
public class ShareLinks {

    /** A link as created: the token is shown once. */
    public record Created(UUID id, String token, String studyUid, Instant expiresAt) {}

    /** What a valid token opens. */
    public record Opened(UUID linkId, String studyUid) {}

    private static final Duration MAX_LIFETIME = Duration.ofDays(30);
    private final SecureRandom random = new SecureRandom();
    private final ImagingPolicy policy;
    private final StudyDeidentification deidentification;
    private final StudyIndex index;
    private final InstanceStorage storage;
    private final ImagingAudit audit;
    private final EntityManager em;

    public ShareLinks(
            ImagingPolicy policy,
            StudyDeidentification deidentification,
            StudyIndex index,
            InstanceStorage storage,
            ImagingAudit audit,
            EntityManager em) {
        this.policy = policy;
        this.deidentification = deidentification;
        this.index = index;
        this.storage = storage;
        this.audit = audit;
        this.em = em;
    }

    public Created create(Actor actor, String studyUid, String readerName, Duration lifetime) {
        if (!DicomUids.isValid(studyUid)) {
            throw ProblemException.badRequest("studyUid: not a DICOM UID.");
        }
        if (readerName == null || readerName.isBlank() || readerName.length() > 200) {
            throw ProblemException.badRequest("readerName: the outside reader's name, 1 to 200 characters.");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw ProblemException.badRequest("expiresInHours: 1 to " + MAX_LIFETIME.toHours() + ".");
        }
        UUID hospital;
        try {
            hospital = policy.shareLinkHospital(actor, studyUid);
        } catch (ProblemException refused) {
            audit.record(
                    AuditEntry.of(AuditAction.CREATE, "ShareLink", null)
                            .outcome(AuditOutcome.DENIED)
                            .detail("study=" + studyUid),
                    actor);
            throw refused;
        }
        String copy = deidentification.copy(actor, studyUid, hospital, Deidentifier.Options.MODIFIED_DATES);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant expires = Instant.now().plus(lifetime);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into imaging.share_link (id,"
                        + " token_hash, study_uid, source_study, hospital_id, reader_name, created_by, expires_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id)
                .setParameter(2, hash(token))
                .setParameter(3, copy)
                .setParameter(4, studyUid)
                .setParameter(5, hospital)
                .setParameter(6, readerName.trim())
                .setParameter(7, actor.id())
                .setParameter(8, OffsetDateTime.ofInstant(expires, java.time.ZoneOffset.UTC))
                .executeUpdate());
        audit.record(AuditEntry.of(AuditAction.CREATE, "ShareLink", id).detail("study=" + studyUid), actor);
        return new Created(id, token, copy, expires);
    }

    public void revoke(Actor actor, UUID id) {
        int rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update imaging.share_link set"
                        + " revoked_at = now() where id = ?1 and hospital_id = ?2 and revoked_at is null")
                .setParameter(1, id)
                .setParameter(2, policy.shareLinkScope(actor))
                .executeUpdate());
        if (rows == 0) {
            audit.record(AuditEntry.of(AuditAction.DELETE, "ShareLink", id).outcome(AuditOutcome.DENIED), actor);
            throw ProblemException.notFound("No active share link " + id + " of your hospital.");
        }
        audit.record(AuditEntry.of(AuditAction.DELETE, "ShareLink", id), actor);
    }

    /** The study a token opens; 404 for unknown, expired or revoked tokens (audited). */
    public Opened open(String token, String purpose) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw ProblemException.notFound("This link does not exist or has expired.");
        }
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select id, study_uid from"
                        + " imaging.share_link where token_hash = ?1 and revoked_at is null and expires_at > now()")
                .setParameter(1, hash(token))
                .getResultList());
        if (rows.isEmpty()) {
            audit.record(
                    AuditEntry.of(AuditAction.READ, "ShareLink", null)
                            .outcome(AuditOutcome.DENIED)
                            .detail(purpose),
                    null);
            throw ProblemException.notFound("This link does not exist or has expired.");
        }
        Object[] r = (Object[]) rows.get(0);
        var opened = new Opened((UUID) r[0], (String) r[1]);
        audit.record(
                AuditEntry.of(AuditAction.READ, "ImagingStudy", opened.studyUid())
                        .detail("share-link=" + opened.linkId() + " " + purpose),
                null);
        return opened;
    }

    public String metadata(String token) {
        var opened = open(token, "metadata");
        return QuarkusTransaction.requiringNew().call(() -> index.metadata(opened.studyUid(), null, null));
    }

    public StoredFile instance(String token, String sopInstanceUid) {
        if (!DicomUids.isValid(sopInstanceUid)) {
            throw ProblemException.badRequest("Not a SOP Instance UID.");
        }
        var opened = open(token, "instance");
        List<InstanceRow> rows =
                QuarkusTransaction.requiringNew().call(() -> index.instances(opened.studyUid(), null, sopInstanceUid));
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No such instance in the shared study.");
        }
        return StoredFile.of(rows.get(0), storage);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
