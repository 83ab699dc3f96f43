package vn.teleconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web client's browser tests ({@code web-client/e2e}, playwright-core driving Debian's Chromium) against the
 * packaged application started from its jar with the demo data, as {@code ./teleconsult run} starts it.
 */
@QuarkusIntegrationTest
class BrowserIT {

    @Test
    void shouldPassTheWebClientsBrowserTests() throws IOException, InterruptedException {
        Path webClient = Path.of("..", "web-client").toAbsolutePath().normalize();
        Path log = webClient.resolve("target/e2e.log");
        Files.createDirectories(log.getParent());
        var process = new ProcessBuilder(List.of("npm", "run", "--silent", "e2e"))
                .directory(webClient.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().put("TELECONSULT_E2E_URL", "http://127.0.0.1:" + RestAssured.port);
        Process npm = process.start();
        if (!npm.waitFor(15, TimeUnit.MINUTES)) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly().waitFor();
        }
        if (npm.exitValue() != 0) {
            System.out.println(Files.readString(log));
        }
        assertEquals(0, npm.exitValue(), "the browser tests failed; their output is above and in " + log);
    }
}
