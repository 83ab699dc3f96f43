package vn.teleconsult.consult;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Two transitions of one consult at the same time: one wins, the other gets 409, and only one is recorded. */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class ConsultConcurrencyTest {

    @Inject
    ConsultNetwork network;

    @Test
    void shouldLetOneOfTwoConcurrentTransitionsWin() throws Exception {
        var net = network.create();
        for (int round = 0; round < 5; round++) {
            UUID id = ConsultNetwork.assigned(net, "ROUTINE");
            var barrier = new CyclicBarrier(2);
            var accept =
                    CompletableFuture.supplyAsync(() -> send(barrier, net.specialist(), id, Map.of("to", "ACCEPTED")));
            var decline = CompletableFuture.supplyAsync(
                    () -> send(barrier, net.specialist(), id, Map.of("to", "DECLINED", "reason", "bận")));
            var codes = new ArrayList<>(List.of(accept.get(), decline.get()));
            codes.sort(Integer::compareTo);
            assertEquals(List.of(200, 409), codes, "round " + round);
            List<String> history = ConsultNetwork.signedIn(net.doctor())
                    .get("/api/consults/{id}", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("history.to");
            assertEquals(3, history.size(), "one transition recorded after ASSIGNED: " + history);
        }
    }

    @Test
    void shouldRefuseAChangeBasedOnAnOldVersion() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        int version = ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}", id)
                .then()
                .extract()
                .path("version");
        ConsultNetwork.as(net.doctor())
                .body(ConsultNetwork.request(net, "URGENT", List.of()))
                .put("/api/consults/{id}?version=" + version, id)
                .then()
                .statusCode(200);
        ConsultNetwork.transition(net.doctor(), id, Map.of("to", "SUBMITTED", "version", version))
                .statusCode(409);
    }

    private static int send(CyclicBarrier barrier, String token, UUID id, Map<String, Object> body) {
        var request = ConsultNetwork.as(token).body(body);
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return request.post("/api/consults/{id}/transitions", id).statusCode();
    }
}
