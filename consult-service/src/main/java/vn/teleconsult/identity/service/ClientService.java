package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.identity.domain.SystemClient;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.identity.repository.SystemClientRepository;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.RevocationList;

/** Registers system clients of a hospital; the secret is shown once, only its hash is kept. */
@ApplicationScoped
public class ClientService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SystemClientRepository clients;
    private final HospitalRepository hospitals;
    private final PasswordHasher hasher;
    private final AdminPolicy policy;
    private final AuditTrail audit;
    private final RevocationList revocations;

    public ClientService(
            SystemClientRepository clients,
            HospitalRepository hospitals,
            PasswordHasher hasher,
            AdminPolicy policy,
            AuditTrail audit,
            RevocationList revocations) {
        this.revocations = revocations;
        this.clients = clients;
        this.hospitals = hospitals;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
    }

    @Transactional
    public List<ClientView> list(Actor actor) {
        policy.requireAdmin(actor);
        var found = actor.isNetworkAdmin() ? clients.listAll() : clients.list("hospital.id", actor.hospitalId());
        return found.stream().map(c -> view(c, null)).toList();
    }

    @Transactional
    public ClientView create(Actor actor, NewClient input) {
        if (!policy.administers(actor, input.hospitalId())) {
            policy.requireAdmin(actor);
            throw ProblemException.forbidden("You can only register clients of your own hospital.");
        }
        var hospital = hospitals
                .findByIdOptional(input.hospitalId())
                .orElseThrow(
                        () -> ProblemException.badRequest("hospitalId: no hospital with id " + input.hospitalId()));
        var c = new SystemClient();
        c.id = UUID.randomUUID();
        c.clientId = hospital.code.toLowerCase() + "-" + c.id.toString().substring(0, 8);
        c.name = input.name().trim();
        c.hospital = hospital;
        c.createdAt = Instant.now();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        c.secretHash = hasher.hash(plain);
        clients.persist(c);
        audit.record(AuditEntry.of(AuditAction.CREATE, "SystemClient", c.clientId));
        return view(c, plain);
    }

    @Transactional
    public void disable(Actor actor, UUID id) {
        var c = clients.findByIdOptional(id)
                .filter(found -> policy.administers(actor, found.hospital == null ? null : found.hospital.id))
                .orElseThrow(() -> ProblemException.notFound("No system client with id " + id + "."));
        c.enabled = false;
        // its access tokens stop working now; it gets no new ones while disabled
        revocations.revokeSubject(
                "client:" + c.clientId,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        audit.record(
                AuditEntry.of(AuditAction.UPDATE, "SystemClient", c.clientId).detail("disabled"));
    }

    private static ClientView view(SystemClient c, String secret) {
        return new ClientView(
                c.id, c.clientId, c.name, c.hospital == null ? null : c.hospital.id, c.enabled, c.createdAt, secret);
    }
}
