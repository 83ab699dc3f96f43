package vn.teleconsult.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.directory.HospitalRef;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.platform.security.Role;

/** The module's tests' own directory: hospitals, links and people that each test adds for itself. */
@ApplicationScoped
public class TestDirectory implements Directory {

    private final Map<UUID, HospitalRef> hospitals = new ConcurrentHashMap<>();
    private final Map<UUID, PersonRef> people = new ConcurrentHashMap<>();
    private final Set<String> links = ConcurrentHashMap.newKeySet();

    public UUID hospital(HospitalKind kind) {
        var id = UUID.randomUUID();
        hospitals.put(id, new HospitalRef(id, kind + "-" + id, "Bệnh viện " + id, kind, "Asia/Ho_Chi_Minh", true));
        return id;
    }

    public void link(UUID satellite, UUID hub) {
        links.add(satellite + "->" + hub);
    }

    public PersonRef person(Role role, UUID hospitalId) {
        var id = UUID.randomUUID();
        String username = role.name().toLowerCase() + "-" + id.toString().substring(0, 8);
        var person = new PersonRef(
                id, username, "Người " + username, username + "@example.test", Set.of(role), hospitalId, null, true);
        people.put(id, person);
        return person;
    }

    @Override
    public Optional<HospitalRef> hospital(UUID id) {
        return Optional.ofNullable(hospitals.get(id));
    }

    @Override
    public List<HospitalRef> hubsOf(UUID satelliteId) {
        return hospitals.values().stream()
                .filter(h -> links.contains(satelliteId + "->" + h.id()))
                .toList();
    }

    @Override
    public boolean linked(UUID satelliteId, UUID hubId) {
        return links.contains(satelliteId + "->" + hubId);
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
