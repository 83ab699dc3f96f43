package vn.teleconsult.security;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.teleconsult.security.AuthorizationMatrixTest.Caller;
import vn.teleconsult.security.AuthorizationMatrixTest.Probe;
import vn.teleconsult.security.AuthorizationMatrixTest.Rel;

/**
 * The matrix's cells that are no HTTP request: the two WebSockets (opened with the JDK's client) and the DIMSE
 * services (DCMTK's echoscu, storescu, findscu, movescu and getscu). Each answers an HTTP-like status: 200 allowed,
 * 401 refused without a valid caller, 403 or 404 refused.
 */
final class MatrixProbes {

    static int dimsePort;
    static String dimseAe;

    private MatrixProbes() {}

    /** The review socket of the consult: 200 on its first message, 401 on close 4401, 404 on close 4403. */
    static int review(MatrixWorld w, Caller c, Rel r, String token) throws Exception {
        Object consult = w.resolve("consult", c, r);
        return socket("/api/imaging/review/" + consult, token);
    }

    /** The media notices socket: 200 on its "ready" message, 401 when it closes for want of a valid token. */
    static int media(MatrixWorld w, Caller c, Rel r, String token) throws Exception {
        return socket("/api/media/ws", token);
    }

    private static int socket(String path, String token) throws Exception {
        String query = token == null ? "" : "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var outcome = new CompletableFuture<Integer>();
        var listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                outcome.complete(200);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                outcome.complete(
                        switch (code) {
                            case 4401, 1008 -> 401;
                            case 4403 -> 404;
                            default -> 1000 + code;
                        });
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                outcome.complete(599);
            }
        };
        HttpClient client = HttpClient.newHttpClient();
        WebSocket socket;
        try {
            socket = client.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create("ws://127.0.0.1:" + RestAssured.port + path + query), listener)
                    .get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return 598;
        }
        try {
            return outcome.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return 597;
        } finally {
            socket.abort();
        }
    }

    /** A DIMSE service as a calling AE title: OWN satellite A's, OTHER satellite B's or A's, NONE unregistered. */
    static Probe dimse(String service) {
        return (w, c, r, token) -> {
            if (token != null && c != Caller.SYSTEM) {
                return 403; // only system clients (registered AE titles) speak DIMSE; users have no AE title
            }
            Rel rel = token == null ? Rel.NONE : r; // no token: an AE title registered nowhere
            String ae =
                    switch (rel) {
                        case OWN -> w.aeA;
                        case OTHER -> service.equals("C-ECHO") || service.equals("C-STORE") ? w.aeB : w.aeA;
                        case NONE ->
                            "NOBODY"
                                    + Long.toString(System.nanoTime() % 100000, 36)
                                            .toUpperCase();
                    };
            String study = rel == Rel.OTHER ? w.cB.study() : w.cA.study();
            return switch (service) {
                case "C-ECHO" -> echo(ae);
                case "C-STORE" -> store(ae);
                case "C-FIND" -> find(ae, study);
                case "C-MOVE" -> move(w, ae, study);
                case "C-GET" -> get(ae, study);
                default -> throw new IllegalArgumentException(service);
            };
        };
    }

    private static List<String> tool(String name, String ae, String... args) {
        var command = new ArrayList<>(List.of(name, "-aet", ae, "-aec", dimseAe));
        command.addAll(List.of(args));
        command.addAll(List.of("127.0.0.1", Integer.toString(dimsePort)));
        return command;
    }

    private static boolean rejected(String output) {
        return output.toLowerCase().contains("reject");
    }

    private static int echo(String ae) throws Exception {
        var result = run(tool("echoscu", ae));
        return result.exit == 0 ? 200 : rejected(result.output) ? 401 : 500;
    }

    private static int store(String ae) throws Exception {
        Path file = Files.createTempFile("matrix", ".dcm");
        try {
            Files.write(file, MatrixWorld.ctWithFreshUids(new String[1]));
            var command = new ArrayList<>(List.of("storescu", "-aet", ae, "-aec", dimseAe));
            command.addAll(List.of("127.0.0.1", Integer.toString(dimsePort), file.toString()));
            var result = run(command);
            if (rejected(result.output)) {
                return 401;
            }
            return result.exit == 0 && !result.output.contains("Failed") ? 200 : 409;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int find(String ae, String study) throws Exception {
        var result = run(tool("findscu", ae, "-S", "-k", "0008,0052=STUDY", "-k", "0020,000D=" + study));
        if (rejected(result.output)) {
            return 401;
        }
        return result.output.contains("UI [" + study) ? 200 : 404;
    }

    private static int move(MatrixWorld w, String ae, String study) throws Exception {
        Path dir = Files.createTempDirectory("matrix-move");
        try {
            var result = run(tool(
                    "movescu",
                    ae,
                    "-S",
                    "-aem",
                    w.aeA,
                    "--port",
                    Integer.toString(w.aeAPort),
                    "-od",
                    dir.toString(),
                    "-k",
                    "0008,0052=STUDY",
                    "-k",
                    "0020,000D=" + study));
            if (rejected(result.output)) {
                return 401;
            }
            return count(dir) > 0 ? 200 : 404;
        } finally {
            delete(dir);
        }
    }

    private static int get(String ae, String study) throws Exception {
        Path dir = Files.createTempDirectory("matrix-get");
        try {
            var result = run(tool(
                    "getscu", ae, "-S", "-od", dir.toString(), "-k", "0008,0052=STUDY", "-k", "0020,000D=" + study));
            if (rejected(result.output)) {
                return 401;
            }
            return count(dir) > 0 ? 200 : 404;
        } finally {
            delete(dir);
        }
    }

    private static long count(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new StringBuilder();
        var reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in 60 s");
        }
        reader.join(5000);
        return new Result(process.exitValue(), output.toString());
    }
}
