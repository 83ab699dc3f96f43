package vn.teleconsult.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A second instance of the packaged application (demo profile, same database) beside the one
 * {@code @QuarkusIntegrationTest} starts, for tests of what replicas share.
 */
final class SecondInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String url;

    private SecondInstance(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts it from {@code target/quarkus-app} and waits until it is ready; its log goes to {@code target/<log>}. */
    static SecondInstance start(String log) throws IOException, InterruptedException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Path logFile = Path.of("target", log);
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dquarkus.http.port=" + port,
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.profile=demo",
                        "-Dimaging.dimse.enabled=false",
                        "-Djava.awt.headless=true",
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        var instance = new SecondInstance(process, url);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("The second instance ended at start-up; see " + logFile.toAbsolutePath());
            }
            try {
                var ready = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return instance;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                instance.close();
                throw new AssertionError("The second instance did not become ready; see " + logFile.toAbsolutePath());
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
