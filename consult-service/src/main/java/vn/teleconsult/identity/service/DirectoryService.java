package vn.teleconsult.identity.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.identity.domain.Hospital;
import vn.teleconsult.identity.domain.User;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.identity.repository.UserRepository;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.HospitalRef;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.platform.security.Role;

/** Identity's answer to the other modules' questions about hospitals, hub links and users. */
@ApplicationScoped
public class DirectoryService implements Directory {

    private final HospitalRepository hospitals;
    private final UserRepository users;
    private final HubLinks hubLinks;

    public DirectoryService(HospitalRepository hospitals, UserRepository users, HubLinks hubLinks) {
        this.hospitals = hospitals;
        this.users = users;
        this.hubLinks = hubLinks;
    }

    @Override
    @Transactional
    public Optional<HospitalRef> hospital(UUID id) {
        return hospitals.findByIdOptional(id).map(DirectoryService::ref);
    }

    @Override
    @Transactional
    public List<HospitalRef> hubsOf(UUID satelliteId) {
        return hospitals.findByIdOptional(satelliteId).stream()
                .flatMap(s -> s.hubs.stream())
                .map(DirectoryService::ref)
                .sorted((a, b) -> a.code().compareToIgnoreCase(b.code()))
                .toList();
    }

    @Override
    public boolean linked(UUID satelliteId, UUID hubId) {
        return hubLinks.linked(satelliteId, hubId);
    }

    @Override
    @Transactional
    public Optional<PersonRef> person(UUID userId) {
        return users.findByIdOptional(userId).map(DirectoryService::ref);
    }

    @Override
    @Transactional
    public List<PersonRef> staff(UUID hospitalId, Role role) {
        return users
                .list(
                        "hospital.id = :hospital and :role member of roles and enabled = true order by fullName",
                        Parameters.with("hospital", hospitalId).and("role", role))
                .stream()
                .map(DirectoryService::ref)
                .toList();
    }

    private static HospitalRef ref(Hospital h) {
        return new HospitalRef(h.id, h.code, h.name, h.kind, h.timeZone, h.active);
    }

    private static PersonRef ref(User u) {
        return new PersonRef(u.id, u.username, u.fullName, u.email, u.roles, u.hospitalId(), u.specialty, u.enabled);
    }
}
