package vn.teleconsult.consult;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.identity.repository.UserRepository;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/** The hubs a satellite doctor may send a consult to, for the new-consult form. */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class ConsultHubTest {

    @Inject
    ConsultNetwork network;

    @Inject
    Fixtures fixtures;

    @Inject
    UserRepository users;

    @Inject
    HospitalRepository hospitals;

    @Test
    void shouldListOnlyActiveLinkedHubsWithTheirSpecialties() {
        var net = network.create();
        specialty(net.specialistId(), "Chẩn đoán hình ảnh");
        specialty(net.otherSpecialistId(), " Thần kinh ");
        UUID unlinked = fixtures.hospital(HospitalKind.HUB);
        UUID inactive = fixtures.hospital(HospitalKind.HUB);
        network.link(net.satellite(), inactive);
        deactivate(inactive);
        String disabledSpecialist = fixtures.user(Role.HUB_SPECIALIST, net.hub());
        specialty(fixtures.userId(disabledSpecialist), "Tim mạch");
        disable(disabledSpecialist);

        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/hubs")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(net.hub().toString()))
                .body("[0].timeZone", equalTo("Asia/Ho_Chi_Minh"))
                .body("[0].specialties", contains("Chẩn đoán hình ảnh", "Thần kinh"))
                .body("id", not(hasItem(unlinked.toString())));
    }

    @Test
    void shouldRefuseHubStaffAdminsAndAnonymousCallers() {
        var net = network.create();
        for (String token : List.of(net.coordinator(), net.specialist(), net.admin())) {
            ConsultNetwork.signedIn(token).get("/api/consults/hubs").then().statusCode(403);
        }
        given().get("/api/consults/hubs").then().statusCode(401);
    }

    private void specialty(UUID userId, String specialty) {
        QuarkusTransaction.requiringNew().run(() -> users.findById(userId).specialty = specialty);
    }

    private void disable(String username) {
        QuarkusTransaction.requiringNew()
                .run(() -> users.findByUsername(username).orElseThrow().enabled = false);
    }

    private void deactivate(UUID hospitalId) {
        QuarkusTransaction.requiringNew().run(() -> hospitals.findById(hospitalId).active = false);
    }
}
