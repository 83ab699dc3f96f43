package vn.teleconsult.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.identity.service.HospitalService;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

@QuarkusTest
class DirectoryServiceTest {

    @Inject
    Directory directory;

    @Inject
    Fixtures fixtures;

    @Inject
    HospitalService hospitals;

    @Test
    void shouldAnswerHubLinksAndStaffOfAHospital() {
        var hub = fixtures.hospital(HospitalKind.HUB);
        var otherHub = fixtures.hospital(HospitalKind.HUB);
        var satellite = fixtures.hospital(HospitalKind.SATELLITE);
        var admin = new Actor(null, "admin", java.util.Set.of(Role.ADMIN), null);
        hospitals.link(admin, satellite, hub);
        String specialist = fixtures.user(Role.HUB_SPECIALIST, hub);
        fixtures.user(Role.COORDINATOR, hub);

        assertTrue(directory.linked(satellite, hub));
        assertFalse(directory.linked(satellite, otherHub));
        assertFalse(directory.linked(hub, satellite));
        assertEquals(
                List.of(hub),
                directory.hubsOf(satellite).stream().map(h -> h.id()).toList());
        assertEquals(
                HospitalKind.SATELLITE,
                directory.hospital(satellite).orElseThrow().kind());
        assertTrue(directory.hospital(UUID.randomUUID()).isEmpty());

        var staff = directory.staff(hub, Role.HUB_SPECIALIST);
        assertEquals(1, staff.size());
        assertEquals(specialist, staff.get(0).username());
        assertTrue(staff.get(0).has(Role.HUB_SPECIALIST));
        assertEquals(
                hub, directory.person(fixtures.userId(specialist)).orElseThrow().hospitalId());
        hospitals.unlink(admin, satellite, hub);
        assertFalse(directory.linked(satellite, hub)); // this replica reads its own write at once
    }
}
