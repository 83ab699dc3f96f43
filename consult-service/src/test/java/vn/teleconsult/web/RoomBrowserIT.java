package vn.teleconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The consult room's browser test ({@code web-client/e2e/journeys/room.media.ts}): the packaged application with the
 * demo data and a real Janus, both on the host side of a test network namespace, and Chromium driven by
 * playwright-core inside it, so that video really flows between two people while they review a study together.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = RoomMedia.class, restrictToAnnotatedClass = true)
class RoomBrowserIT {

    @Test
    void shouldShowVideoAndThePresentersViewToEveryoneInTheRoom() throws IOException, InterruptedException {
        Path webClient = RoomMedia.root().resolve("web-client");
        Path log = webClient.resolve("target/e2e-room.log");
        Files.createDirectories(log.getParent());
        var process = new ProcessBuilder(RoomMedia.inside(List.of("npm", "run", "--silent", "e2e:media")))
                .directory(webClient.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().put("TELECONSULT_E2E_URL", "http://" + RoomMedia.hostAddress + ":" + RestAssured.port);
        process.environment().put("TELECONSULT_E2E_MEDIA_RESTART", RoomMedia.restartCommand());
        Process npm = process.start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly().waitFor();
        }
        System.out.println(Files.readString(log));
        assertEquals(0, npm.exitValue(), "the consult room's browser test failed; its output is above and in " + log);
    }
}
