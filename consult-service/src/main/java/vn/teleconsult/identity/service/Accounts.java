package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.identity.domain.User;
import vn.teleconsult.identity.repository.UserRepository;

/** Looks up accounts for sign-in and token refresh. */
@ApplicationScoped
public class Accounts {

    private final UserRepository users;

    public Accounts(UserRepository users) {
        this.users = users;
    }

    @Transactional
    public Optional<Account> byUsername(String username) {
        return users.findByUsername(username).map(Accounts::account);
    }

    @Transactional
    public Optional<Account> byId(UUID id) {
        return users.findByIdOptional(id).map(Accounts::account);
    }

    private static Account account(User u) {
        return new Account(u.id, u.username, u.passwordHash, u.enabled, Set.copyOf(u.roles), u.hospitalId());
    }
}
