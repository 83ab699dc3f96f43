package vn.teleconsult.identity.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.identity.domain.Hospital;
import vn.teleconsult.identity.domain.User;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.identity.repository.UserRepository;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/**
 * Users and their roles. A network administrator manages everyone; a hospital administrator only the staff of their own
 * hospital. Patients' accounts are patient data: reading one is audited.
 */
@ApplicationScoped
public class UserService {

    /** A page of users and the total count. */
    public record Page(List<UserView> items, long total) {}

    private final UserRepository users;
    private final HospitalRepository hospitals;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final RefreshTokens refreshTokens;
    private final AdminPolicy policy;
    private final AuditTrail audit;

    public UserService(
            UserRepository users,
            HospitalRepository hospitals,
            PasswordHasher hasher,
            PasswordPolicy passwords,
            RefreshTokens refreshTokens,
            AdminPolicy policy,
            AuditTrail audit) {
        this.users = users;
        this.hospitals = hospitals;
        this.hasher = hasher;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.policy = policy;
        this.audit = audit;
    }

    @Transactional
    public Page list(Actor actor, UUID hospitalId, Role role, String query, int offset, int limit) {
        policy.requireAdmin(actor);
        var where = new ArrayList<String>();
        var params = new Parameters();
        if (!actor.isNetworkAdmin()) {
            where.add("hospital.id = :own");
            params.and("own", actor.hospitalId());
        }
        if (hospitalId != null) {
            where.add("hospital.id = :hospital");
            params.and("hospital", hospitalId);
        }
        if (role != null) {
            where.add(":role member of roles");
            params.and("role", role);
        }
        if (query != null && !query.isBlank()) {
            where.add("(lower(username) like :q or lower(fullName) like :q)");
            params.and("q", "%" + query.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var found = users.find(String.join(" and ", where), Sort.by("username"), params);
        long total = found.count();
        var items = found.range(offset, offset + limit - 1).list();
        items.stream().filter(u -> u.roles.contains(Role.PATIENT)).forEach(this::auditPatientRead);
        return new Page(items.stream().map(UserView::of).toList(), total);
    }

    @Transactional
    public UserView get(Actor actor, UUID id) {
        var user = findVisible(actor, id);
        if (user.roles.contains(Role.PATIENT)) {
            auditPatientRead(user);
        }
        return UserView.of(user);
    }

    @Transactional
    public UserView create(Actor actor, NewUser input) {
        policy.requireAdmin(actor);
        if (users.findByUsername(input.username()).isPresent()) {
            throw ProblemException.conflict("The user name '" + input.username() + "' is taken.");
        }
        var hospital = hospitalFor(actor, input.hospitalId(), input.roles());
        String password = passwords.accept(input.username(), input.password());
        var u = new User();
        u.id = UUID.randomUUID();
        u.username = input.username().trim();
        u.fullName = input.fullName().trim();
        u.email = blankToNull(input.email());
        u.hospital = hospital;
        u.specialty = blankToNull(input.specialty());
        u.roles = EnumSet.copyOf(input.roles());
        u.passwordHash = hasher.hash(password);
        u.createdAt = Instant.now();
        u.updatedAt = u.createdAt;
        users.persist(u);
        audit.record(AuditEntry.of(AuditAction.CREATE, "User", u.id).patient(patientRef(u)));
        return UserView.of(u);
    }

    @Transactional
    public UserView update(Actor actor, UUID id, UserChanges changes) {
        var u = findVisible(actor, id);
        if (changes.version() != null && changes.version() != u.version) {
            throw ProblemException.conflict("The user was changed by someone else; reload and try again.");
        }
        if (u.id.toString().equals(actor.id()) && !changes.roles().contains(Role.ADMIN)) {
            throw ProblemException.conflict("You cannot remove your own administrator role.");
        }
        u.hospital = hospitalFor(actor, changes.hospitalId(), changes.roles());
        u.fullName = changes.fullName().trim();
        u.email = blankToNull(changes.email());
        u.specialty = blankToNull(changes.specialty());
        u.roles.clear();
        u.roles.addAll(changes.roles());
        boolean disabling = u.enabled && Boolean.FALSE.equals(changes.enabled());
        if (changes.enabled() != null) {
            u.enabled = changes.enabled();
        }
        u.updatedAt = Instant.now();
        users.flush();
        if (disabling) {
            refreshTokens.lockOut(u.id);
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "User", u.id).patient(patientRef(u)));
        return UserView.of(u);
    }

    /** Sets a new password and ends the user's current sign-ins. */
    @Transactional
    public void setPassword(Actor actor, UUID id, String password) {
        var u = findVisible(actor, id);
        u.passwordHash = hasher.hash(passwords.accept(u.username, password));
        u.updatedAt = Instant.now();
        refreshTokens.revokeAllOf(u.id);
        audit.record(AuditEntry.of(AuditAction.UPDATE, "User", u.id).detail("password set"));
    }

    /** Ends all of the user's sign-ins and their access tokens, on every replica within seconds. */
    @Transactional
    public int signOut(Actor actor, UUID id) {
        var u = findVisible(actor, id);
        audit.record(AuditEntry.of(AuditAction.LOGOUT, "User", u.id).detail("signed out by administrator"));
        return refreshTokens.revokeAllOf(u.id);
    }

    private User findVisible(Actor actor, UUID id) {
        policy.requireAdmin(actor);
        return users.findByIdOptional(id)
                .filter(u -> actor.isNetworkAdmin()
                        || (u.hospital != null && Objects.equals(u.hospital.id, actor.hospitalId())))
                .orElseThrow(() -> ProblemException.notFound("No user with id " + id + "."));
    }

    /** Checks that the roles fit the hospital, and that the actor may place a user there. */
    private Hospital hospitalFor(Actor actor, UUID hospitalId, Set<Role> roles) {
        if (roles.contains(Role.SYSTEM)) {
            throw ProblemException.badRequest("roles: SYSTEM belongs to system clients, not users.");
        }
        if (roles.contains(Role.PATIENT)) {
            if (roles.size() > 1 || hospitalId != null) {
                throw ProblemException.badRequest(
                        "roles: a PATIENT account has no other role and belongs to no hospital.");
            }
            if (!actor.isNetworkAdmin()) {
                throw ProblemException.forbidden("Only network administrators manage patient accounts.");
            }
            return null;
        }
        if (hospitalId == null) {
            if (!roles.equals(Set.of(Role.ADMIN))) {
                throw ProblemException.badRequest(
                        "hospitalId: staff other than network administrators need a hospital.");
            }
            if (!actor.isNetworkAdmin()) {
                throw ProblemException.forbidden("Only network administrators create network administrators.");
            }
            return null;
        }
        if (!policy.administers(actor, hospitalId)) {
            throw ProblemException.forbidden("You can only manage users of your own hospital.");
        }
        var hospital = hospitals
                .findByIdOptional(hospitalId)
                .orElseThrow(() -> ProblemException.badRequest("hospitalId: no hospital with id " + hospitalId + "."));
        if ((roles.contains(Role.COORDINATOR) || roles.contains(Role.HUB_SPECIALIST))
                && hospital.kind != HospitalKind.HUB) {
            throw ProblemException.badRequest("roles: coordinators and hub specialists work at a HUB hospital; "
                    + hospital.code + " is a satellite.");
        }
        if (roles.contains(Role.SATELLITE_DOCTOR) && hospital.kind != HospitalKind.SATELLITE) {
            throw ProblemException.badRequest(
                    "roles: satellite doctors work at a SATELLITE hospital; " + hospital.code + " is a hub.");
        }
        return hospital;
    }

    private void auditPatientRead(User u) {
        audit.record(AuditEntry.of(AuditAction.READ, "User", u.id).patient(u.id));
    }

    private static String patientRef(User u) {
        return u.roles.contains(Role.PATIENT) ? u.id.toString() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
