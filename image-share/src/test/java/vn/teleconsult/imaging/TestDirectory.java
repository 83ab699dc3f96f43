package vn.teleconsult.imaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.HospitalRef;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.platform.security.Role;

/** A directory for the module's own tests, filled by the tests (consult-service provides the real one). */
@ApplicationScoped
public class TestDirectory implements Directory {

    private final Map<UUID, HospitalRef> hospitals = new ConcurrentHashMap<>();
    private final Map<UUID, PersonRef> people = new ConcurrentHashMap<>();

    public void add(HospitalRef hospital) {
        hospitals.put(hospital.id(), hospital);
    }

    public void add(PersonRef person) {
        people.put(person.id(), person);
    }

    @Override
    public Optional<HospitalRef> hospital(UUID id) {
        return Optional.ofNullable(hospitals.get(id));
    }

    @Override
    public List<HospitalRef> hubsOf(UUID satelliteId) {
        return List.of();
    }

    @Override
    public boolean linked(UUID satelliteId, UUID hubId) {
        return false;
    }

    @Override
    public Optional<PersonRef> person(UUID userId) {
        return Optional.ofNullable(people.get(userId));
    }

    @Override
    public List<PersonRef> staff(UUID hospitalId, Role role) {
        return people.values().stream()
                .filter(p -> hospitalId.equals(p.hospitalId()) && p.has(role))
                .toList();
    }
}
