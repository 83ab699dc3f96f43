package vn.teleconsult.imaging.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real peer's command-line tool (DCMTK, dicom3tools) with a deadline and returns its exit code and output. */
public final class Commands {

    private Commands() {}

    /** Exit code and combined output. */
    public record Result(int exit, String output) {}

    public static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new StringBuilder();
        var reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // process ended
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
        }
        reader.join(5000);
        return new Result(process.exitValue(), output.toString());
    }

    /** How many errors dicom3tools' dciodvfy reports for the file. */
    public static long dciodvfyErrors(java.nio.file.Path file) throws IOException, InterruptedException {
        return run(List.of("dciodvfy", file.toString()), 60)
                .output()
                .lines()
                .filter(l -> l.startsWith("Error"))
                .count();
    }

    /** The error lines dciodvfy reports for {@code out} that it does not report for {@code in}. */
    public static java.util.Set<String> dciodvfyNewErrors(java.nio.file.Path in, java.nio.file.Path out)
            throws IOException, InterruptedException {
        var before = errors(in);
        var after = errors(out);
        after.removeAll(before);
        return after;
    }

    private static java.util.Set<String> errors(java.nio.file.Path file) throws IOException, InterruptedException {
        return run(List.of("dciodvfy", file.toString()), 60)
                .output()
                .lines()
                .filter(l -> l.startsWith("Error"))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
