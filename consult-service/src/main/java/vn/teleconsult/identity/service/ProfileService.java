package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.teleconsult.identity.repository.UserRepository;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Answers "who am I" for the signed-in user. */
@ApplicationScoped
public class ProfileService {

    private final UserRepository users;

    public ProfileService(UserRepository users) {
        this.users = users;
    }

    @Transactional
    public Profile me(Actor actor) {
        if (actor.id() == null || actor.id().startsWith("client:")) {
            throw ProblemException.notFound("System clients have no user profile.");
        }
        var u = users.findByIdOptional(actor.userId())
                .filter(user -> user.enabled)
                .orElseThrow(() -> ProblemException.notFound("Your account no longer exists or is disabled."));
        var h = u.hospital;
        return new Profile(
                u.id,
                u.username,
                u.fullName,
                u.roles.stream().sorted().toList(),
                h == null ? null : new Profile.HospitalRef(h.id, h.code, h.name, h.kind, h.timeZone));
    }
}
