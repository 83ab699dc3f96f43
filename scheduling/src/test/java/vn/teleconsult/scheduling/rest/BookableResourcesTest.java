package vn.teleconsult.scheduling.rest;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.World;

@QuarkusTest
class BookableResourcesTest {

    @Inject
    World world;

    @Test
    void shouldListTheHubsSpecialistsRoomsAndDevicesToItsOwnStaffOnly() {
        var hub = world.hub();
        var otherHub = world.hub();
        world.as(hub.coordinator())
                .body(Map.of("kind", "DEVICE", "name", "Máy siêu âm di động số 2"))
                .post("/api/scheduling/resources")
                .then()
                .statusCode(201);

        world.as(hub.specialist())
                .get("/api/scheduling/bookable")
                .then()
                .statusCode(200)
                .body("name", hasItem(hub.specialist().fullName()))
                .body("name", hasItem("Máy siêu âm di động số 2"))
                .body("name", not(hasItem(otherHub.specialist().fullName())))
                .body("kind", hasItem("DEVICE"));
        world.as(hub.doctor()).get("/api/scheduling/bookable").then().statusCode(403);
        world.as(world.patient()).get("/api/scheduling/bookable").then().statusCode(403);
        world.as(world.person(Role.ADMIN, null))
                .get("/api/scheduling/bookable")
                .then()
                .statusCode(403);
    }
}
